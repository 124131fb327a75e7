package com.serialtrust.api.verify;

import com.serialtrust.api.qr.QrProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resolver description file a GS1-conformant resolver publishes at {@code /.well-known/gs1resolver}
 * (GS1-Conformant Resolver 1.2, validated by GS1's description-file schema): what this resolver is, its
 * root (the base its labels print), the primary key it answers for, and the link-type vocabulary it uses.
 */
@RestController
class ResolverDescriptionController {

    /** The one vocabulary of link types this resolver uses: GS1's Web Vocabulary. */
    static final LinkTypeNamespace GS1_VOCABULARY = new LinkTypeNamespace("https://ref.gs1.org/voc/", "gs1:");

    private final QrProperties qr;

    ResolverDescriptionController(final QrProperties qr) {
        this.qr = qr;
    }

    @Schema(description = "A link-type namespace and its CURIE prefix")
    record LinkTypeNamespace(String namespace, String prefix) {}

    @Schema(description = "GS1 resolver description file", example = "{\"name\":\"SerialTrust\",\"resolverRoot\":"
            + "\"https://id.example.com\",\"supportedPrimaryKeys\":[\"01\"],\"supportedLinkType\":[{\"namespace\":"
            + "\"https://ref.gs1.org/voc/\",\"prefix\":\"gs1:\"}],\"linkTypeDefaultCanBeLinkset\":false}")
    record Description(String name, String resolverRoot, List<String> supportedPrimaryKeys,
            List<LinkTypeNamespace> supportedLinkType, boolean linkTypeDefaultCanBeLinkset) {}

    @GetMapping(path = "/.well-known/gs1resolver", produces = MediaType.APPLICATION_JSON_VALUE)
    Description description() {
        // a GTIN with its serial is the one key served; no linkset replaces the default link
        return new Description("SerialTrust", qr.resolverRoot(), List.of("01"), List.of(GS1_VOCABULARY), false);
    }
}
