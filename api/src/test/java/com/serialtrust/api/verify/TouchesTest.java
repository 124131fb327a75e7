package com.serialtrust.api.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TouchesTest {

    @Test
    void anItemTouchedAfterAReadBeganIsReportedAndOneTouchedBeforeItIsNot() {
        final Touches touches = new Touches();
        touches.touch("09520123456788:SN-1", 5);
        assertThat(touches.since("09520123456788:SN-1", 4)).as("read stamped at 4, event 5 came after").isTrue();
        assertThat(touches.since("09520123456788:SN-1", 5)).as("read stamped at 5 saw event 5").isFalse();
        assertThat(touches.since("09520123456788:SN-2", 0)).as("never touched").isFalse();
    }

    @Test
    void noTouchIsForgottenHoweverManyItemsFollowIt() {
        final Touches touches = new Touches();
        touches.touch("09520123456788:FIRST", 1);
        // a read model catching up touches hundreds of thousands of items in a few seconds
        for (int i = 0; i < 500_000; i++) {
            touches.touch("09520123456788:B1000-" + i, 2 + i);
        }
        assertThat(touches.since("09520123456788:FIRST", 0)).isTrue();
        assertThat(touches.since("09520123456788:B1000-499999", 500_000)).isTrue();
    }

    @Test
    void anOlderEventNeverHidesANewerOneInTheSameSlot() {
        final String a = "09520123456788:SN-1";
        final String b = sharingASlotWith(a);
        final Touches touches = new Touches();
        touches.touch(a, 9);
        touches.touch(b, 3);
        assertThat(touches.since(a, 8)).isTrue();
        assertThat(touches.since(b, 8)).as("sharing a slot only leaves it uncached more often").isTrue();
    }

    /** Another item in the same slot, found as a reader sees it: touched without being named. */
    private static String sharingASlotWith(final String item) {
        final Touches probe = new Touches();
        probe.touch(item, 1);
        for (int i = 0; ; i++) {
            final String other = "09520123456788:X" + i;
            if (probe.since(other, 0)) {
                return other;
            }
        }
    }
}
