package com.serialtrust.api.registry;

import com.serialtrust.contract.ItemInput;
import com.serialtrust.chaincode.Role;
import com.serialtrust.api.ledger.Written;
import com.serialtrust.chaincode.Item;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.chaincode.ManufacturerKey;
import com.serialtrust.chaincode.Product;
import com.serialtrust.contract.Calls;
import com.serialtrust.api.problem.ApiError;
import com.serialtrust.chaincode.ErrorCode;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.security.ApiKeys;
import com.serialtrust.api.security.LedgerRoles;
import com.serialtrust.gs1.ElementString;
import com.serialtrust.gs1.Gtin;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A manufacturer's registry: signing keys, product models, items one by one, in batches, or from CSV. */
@RestController
class RegistryController {

    private final RegistrationService registration;
    private final CsvImports imports;
    private final LedgerRoles roles;
    private final Chaincode chaincode;

    RegistryController(final RegistrationService registration, final CsvImports imports, final LedgerRoles roles,
            final Chaincode chaincode) {
        this.roles = roles;
        this.chaincode = chaincode;
        this.registration = registration;
        this.imports = imports;
    }

    @Schema(description = "A P-256 public key: base64 DER SubjectPublicKeyInfo, or PEM", example = "{\"publicKey\":\"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEZ0jQrUpu65oQmGCr3XeEgVHRhnFJzm2DpeJ25RjaTthH5u6wCtNp/8TwbDqADjpHuW0v0HTeH0XHwENiGFbxnw==\"}")
    record KeyRequest(String publicKey) {}

    @Schema(description = "From when items signed with the key read as forged", example = "{\"from\":\"2026-03-01T00:00:00Z\"}")
    record Compromise(String from) {}

    @Schema(description = "A product model: GTIN under one of the caller's prefixes, name, warranty months, serial scheme (GS1, IMEI or VIN)", example = "{\"gtin\":\"09520123456795\",\"name\":\"Trail watch, blue\",\"warrantyMonths\":24,\"serialScheme\":\"GS1\"}")
    record ProductRequest(String gtin, String name, Integer warrantyMonths, String serialScheme) {}

    @PostMapping(path = "/api/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ManufacturerKey>> registerKey(@AuthenticationPrincipal final ApiKeys.Holder caller,
            @RequestBody final KeyRequest request) {
        return chaincode.submit(caller.organisation(), Calls.registerKey(ApiProblem.required(request.publicKey(), "publicKey")))
                .map(done -> ResponseEntity.status(201).body(done.result()));
    }

    /** The caller's signing keys: active, retired, revoked, and since when a key is compromised. */
    @GetMapping("/api/keys")
    Mono<List<ManufacturerKey>> keys(@AuthenticationPrincipal final ApiKeys.Holder caller) {
        return chaincode.query(caller.organisation(), Calls.listKeys(caller.organisation().mspId()));
    }

    /** Replaces a key with a new one: the old key signs nothing more, its items stay genuine. */
    @PostMapping(path = "/api/keys/{keyId}/rotation", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<ManufacturerKey>> rotateKey(@AuthenticationPrincipal final ApiKeys.Holder caller,
            @PathVariable final String keyId, @RequestBody final KeyRequest request) {
        return chaincode.submit(caller.organisation(), Calls.rotateKey(keyId, ApiProblem.required(request.publicKey(), "publicKey")));
    }

    /** Retires a key without a successor: it signs nothing more, its items stay genuine. */
    @PostMapping("/api/keys/{keyId}/revocation")
    Mono<Written<ManufacturerKey>> revokeKey(@AuthenticationPrincipal final ApiKeys.Holder caller,
            @PathVariable final String keyId) {
        return chaincode.submit(caller.organisation(), Calls.revokeKey(keyId));
    }

    /**
     * Declares a key compromised from a time (ISO-8601): every item registered with it from then on
     * reads SIGNATURE_INVALID with reason KEY_COMPROMISED, and it registers nothing more.
     */
    @PostMapping(path = "/api/keys/{keyId}/compromise", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<ManufacturerKey>> declareCompromised(@AuthenticationPrincipal final ApiKeys.Holder caller,
            @PathVariable final String keyId, @RequestBody final Compromise request) {
        return chaincode.submit(caller.organisation(), Calls.declareKeyCompromised(keyId, ApiProblem.required(request.from(), "from")));
    }

    @PostMapping(path = "/api/products", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Product>> registerProduct(@AuthenticationPrincipal final ApiKeys.Holder caller,
            @RequestBody final ProductRequest request) {
        return chaincode.submit(caller.organisation(), Calls.registerProduct(ApiProblem.required(request.gtin(), "gtin"),
                        ApiProblem.required(request.name(), "name"), request.warrantyMonths() == null ? 0 : request.warrantyMonths(),
                        request.serialScheme() == null ? "GS1" : request.serialScheme()))
                .map(done -> ResponseEntity.status(201).body(done.result()));
    }

    @GetMapping("/api/items/{gtin}/{serial}")
    Mono<Item> item(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial) {
        final ElementString element = ElementString.of(Gtin.parse(gtin), serial);
        return chaincode.query(caller.organisation(), Calls.getItem(new ItemRef(element.gtin().value(), element.serial())));
    }

    /** A batch's outcome: how many rows ended each way, and each row's outcome in order. */
    record Registration(Map<RegistrationService.Status, Integer> counts, List<RegistrationService.RowOutcome> items) {}

    /** A batch of up to 1,000 items; each row's outcome comes back in order. */
    @PostMapping(path = "/api/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Registration> registerItems(@AuthenticationPrincipal final ApiKeys.Holder caller,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "1 to 1,000 items; the api signs each"
                    + " item sent without a signature when it holds the brand's key", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = ItemInput.class)),
                    examples = @ExampleObject(name = "an item with a lot, signed by the api",
                            value = "[{\"gtin\":\"09520123456788\",\"serial\":\"EXAMPLE-0001\",\"lot\":\"L2026-11\"}]")))
            @RequestBody final List<ItemInput> rows) {
        if (rows.isEmpty() || rows.size() > RegistrationService.BATCH) {
            return Mono.error(new ApiProblem(ErrorCode.LIMIT_EXCEEDED, "a batch holds 1 to " + RegistrationService.BATCH + " items"));
        }
        // the registration blocks: on a thread of its own, never on the ledger client's that answered the role check
        return manufacturer(caller)
                .then(Mono.fromCallable(() -> registration.registerBlocking(caller.organisation(), rows))
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(outcomes -> new Registration(RegistrationService.count(outcomes), outcomes));
    }

    /** A CSV upload, streamed to disk; 202 with the import's address, where its progress shows. */
    @PostMapping(path = "/api/imports", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    Mono<ResponseEntity<ImportJob>> startImport(@AuthenticationPrincipal final ApiKeys.Holder caller,
            @RequestBody final Flux<DataBuffer> body) {
        return manufacturer(caller)
                .then(Mono.defer(() -> imports.start(caller.organisation(), body)))
                .map(job -> ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(job));
    }

    @GetMapping("/api/imports/{id}")
    Mono<ImportJob> importStatus(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String id) {
        // the import store may be a shared Redis, read blocking: off the event loop
        return Mono.fromCallable(() -> imports.status(caller.organisation(), id)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(new ApiProblem(ApiError.IMPORT_NOT_FOUND, "no import " + id + " of yours")));
    }

    @GetMapping(path = "/api/imports/{id}/errors", produces = "text/csv")
    Mono<String> importErrors(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String id) {
        return Mono.fromCallable(() -> imports.errors(caller.organisation(), id)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(new ApiProblem(ApiError.IMPORT_NOT_FOUND, "no import " + id + " of yours")))
                .map(report -> CsvRows.Report.HEADER + report);
    }

    /** Only a manufacturer registers items: refused up front, before any row is read. */
    private Mono<Void> manufacturer(final ApiKeys.Holder caller) {
        return roles.require(caller.organisation(), Role.MANUFACTURER, "only a manufacturer registers items");
    }
}
