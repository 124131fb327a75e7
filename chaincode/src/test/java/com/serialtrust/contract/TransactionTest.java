package com.serialtrust.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.chaincode.SerialTrustContract;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.hyperledger.fabric.contract.annotation.Transaction.TYPE;
import org.junit.jupiter.api.Test;

class TransactionTest {

    @Test
    void everyTransactionOfTheContractIsListedOnceWithItsIntentAndNothingElseIs() {
        final Map<String, Transaction.Intent> contract = Arrays.stream(SerialTrustContract.class.getMethods())
                .filter(m -> m.isAnnotationPresent(org.hyperledger.fabric.contract.annotation.Transaction.class))
                .collect(Collectors.toMap(m -> m.getName(), m -> m.getAnnotation(
                        org.hyperledger.fabric.contract.annotation.Transaction.class).intent() == TYPE.SUBMIT
                        ? Transaction.Intent.SUBMIT : Transaction.Intent.EVALUATE));
        final Map<String, Transaction.Intent> listed = Arrays.stream(Transaction.values())
                .collect(Collectors.toMap(Transaction::function, Transaction::intent));

        assertThat(listed).isEqualTo(contract).hasSize(53);
    }

    @Test
    void aConstantNamesTheContractMethodInPascalCase() {
        assertThat(Transaction.REGISTER_ITEMS.function()).isEqualTo("RegisterItems");
        assertThat(Transaction.VERIFY.function()).isEqualTo("Verify");
        assertThat(Transaction.GET_ITEM_HISTORY.writes()).isFalse();
        assertThat(Transaction.SELL_ITEM.writes()).isTrue();
    }
}
