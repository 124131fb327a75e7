package com.serialtrust.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How one replica decides a client's requests: alone while the client is far below the limit, with Redis near it. */
class ClientWindowsTest {

    private static final int LIMIT = 10;

    private final ClientWindows windows = new ClientWindows(LIMIT);

    private ClientWindows.Client client() {
        return windows.of("203.0.113.7", 1).orElseThrow();
    }

    @Test
    void aClientBelowHalfTheLimitIsDecidedWithoutAskingRedis() {
        final ClientWindows.Client client = client();
        assertThat(IntStream.range(0, 5).mapToObj(i -> client.count().local()))
                .as("known counts 1 to 4 are under half of 10; the fifth is not").containsExactly(true, true, true, true, false);
    }

    @Test
    void itsCountsGoToRedisOneBatchAtATime() {
        final ClientWindows.Client client = client();
        assertThat(client.count()).as("the first starts a batch").isEqualTo(new ClientWindows.Step(true, 1));
        assertThat(client.count()).as("while it is on its way").isEqualTo(new ClientWindows.Step(true, 0));
        assertThat(client.count()).isEqualTo(new ClientWindows.Step(true, 0));
        assertThat(client.confirmed(1, 1, true)).as("Redis counted the first: the two since go next").isEqualTo(2);
        assertThat(client.confirmed(2, 3, true)).as("nothing left to send").isZero();
        assertThat(client.count()).as("a new batch").isEqualTo(new ClientWindows.Step(true, 1));
    }

    @Test
    void nearTheLimitEachRequestAsksRedisWithWhatWasNotSentYet() {
        final ClientWindows.Client client = client();
        client.count(); // sent in the background, not answered yet
        IntStream.range(0, 3).forEach(i -> client.count());
        assertThat(client.count()).as("the fifth asks, carrying the four not sent").isEqualTo(new ClientWindows.Step(false, 4));
        assertThat(client.count()).isEqualTo(new ClientWindows.Step(false, 1));
    }

    @Test
    void whatOtherReplicasCountedMovesAClientToAskingAtOnce() {
        final ClientWindows.Client client = client();
        client.count();
        client.confirmed(1, 9, true); // Redis says 9: eight came through other replicas
        assertThat(client.count().local()).isFalse();
    }

    @Test
    void withoutAnAnswerAClientIsJudgedOnTheCountsThisReplicaKnows() {
        final ClientWindows.Client client = client();
        for (int i = 1; i <= LIMIT; i++) {
            client.count();
            client.unanswered(false);
            assertThat(client.withinLimit()).as("request %d", i).isTrue();
        }
        client.count();
        assertThat(client.withinLimit()).as("request %d", LIMIT + 1).isFalse();
    }

    @Test
    void aBatchRedisDidNotAnswerIsNotSentAgainButStillCounts() {
        final ClientWindows.Client client = client();
        assertThat(client.count().batch()).isEqualTo(1);
        client.unanswered(true);
        assertThat(client.count()).as("only the new count goes").isEqualTo(new ClientWindows.Step(true, 1));
        client.confirmed(1, 1, true);
        IntStream.range(0, 2).forEach(i -> client.count());
        assertThat(client.count().local()).as("known: 1 confirmed, 1 unanswered, 3 new").isFalse();
    }

    @Test
    void aNewMinuteStartsEveryClientAfresh() {
        IntStream.range(0, 5).forEach(i -> client().count());
        assertThat(windows.of("203.0.113.7", 2).orElseThrow().count().local()).isTrue();
        assertThat(windows.of("203.0.113.7", 2).orElseThrow()).as("the same client in the same minute")
                .isSameAs(windows.of("203.0.113.7", 2).orElseThrow());
    }

    @Test
    void aWindowTracksAtMostItsLimitOfClients() {
        for (int i = 0; i < ClientWindows.MAX_CLIENTS; i++) {
            assertThat(windows.of("client-" + i, 1)).isPresent();
        }
        assertThat(windows.of("one-more", 1)).as("counted in Redis alone").isEmpty();
        assertThat(windows.of("client-0", 1)).as("a client already tracked").isPresent();
    }
}
