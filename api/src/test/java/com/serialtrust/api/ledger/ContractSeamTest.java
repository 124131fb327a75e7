package com.serialtrust.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serialtrust.contract.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The api speaks to the contract through {@link Transaction}, never by a transaction's name as text. */
class ContractSeamTest {

    @Test
    void noTransactionIsNamedAsAStringInTheApisSources() throws IOException {
        final List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                final String source = Files.readString(file);
                for (Transaction t : Transaction.values()) {
                    if (source.contains("\"" + t.function() + "\"")) {
                        found.add(file.getFileName() + ": \"" + t.function() + "\"");
                    }
                }
            }
        }
        assertThat(found).as("transaction names written as strings (use Transaction)").isEmpty();
    }

    /**
     * Contract results reach the api as the contract's records, never as JSON trees edited by key.
     * The files that still build JSON trees build documents of their own, named here with why.
     */
    @Test
    void noContractResultIsEditedAsAJsonTree() throws IOException {
        final java.util.Map<String, String> allowed = java.util.Map.of(
                "Epcis.java", "writes EPCIS documents from the typed history",
                "EventHash.java", "reads the EPCIS events Epcis writes, to name them by their hash",
                "HistoryController.java", "answers the EPCIS document Epcis writes",
                "EventQuery.java", "matches the EPCIS events Epcis writes against a query",
                "EpcisQueryController.java", "answers the EPCIS query document Epcis writes",
                "VerifierPage.java", "writes a problem's data into the scan page",
                "OwnershipController.java", "salts the owner's own contact object before it is sent");
        final List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("ObjectNode") && !allowed.containsKey(file.getFileName().toString())) {
                    found.add(file.getFileName().toString());
                }
            }
        }
        assertThat(found).as("files that edit JSON trees (read the contract's records instead)").isEmpty();
    }

    @Test
    void aQueryOfAWritingTransactionOrASubmitOfAQueryIsRefusedBeforeItLeaves() {
        assertThat(Ledger.checked(Transaction.VERIFY, Transaction.Intent.EVALUATE)).isEqualTo(Transaction.VERIFY);
        assertThatThrownBy(() -> Ledger.checked(Transaction.SELL_ITEM, Transaction.Intent.EVALUATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SellItem");
        assertThatThrownBy(() -> Ledger.checked(Transaction.GET_ITEM, Transaction.Intent.SUBMIT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GetItem");
    }
}
