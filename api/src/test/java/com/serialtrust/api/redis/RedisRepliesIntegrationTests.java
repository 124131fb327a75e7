package com.serialtrust.api.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.RedisServer;
import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Where a reply of the real Redis goes on: a request's event loop that sent a command gets its reply
 * back, so the request ends where Netty writes its answer; no reply goes on on the connection's one
 * I/O thread, where it would hold up every other reply.
 */
class RedisRepliesIntegrationTests {

    private static RedisServer server;
    private static Redis redis;

    @BeforeAll
    static void start() {
        server = RedisServer.start();
        redis = new Redis(server.settings());
    }

    @AfterAll
    static void stop() {
        redis.close();
        server.close();
    }

    @Test
    void aCommandSentFromAnEventLoopIsAnsweredOnThatEventLoop() throws Exception {
        final DefaultEventLoop loop = new DefaultEventLoop();
        try {
            final Thread loopThread = loop.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) { // the first call also opens the connection
                final CompletableFuture<Thread> answeredOn = new CompletableFuture<>();
                loop.execute(() -> redis.call(r -> r.incr("calls")).map(n -> Thread.currentThread())
                        .subscribe(answeredOn::complete, answeredOn::completeExceptionally));
                assertThat(answeredOn.get(5, TimeUnit.SECONDS)).as("call %d", i + 1).isSameAs(loopThread);
            }
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCommandSentFromAnyOtherThreadIsAnsweredOffTheConnectionsThread() {
        final Thread answeredOn = redis.call(r -> r.incr("calls")).map(n -> Thread.currentThread()).block(Duration.ofSeconds(5));
        assertThat(answeredOn.getName()).as("one of Reactor's parallel threads, not Lettuce's").startsWith("parallel-");
    }

    @Test
    void requestsThatArriveTogetherBeforeAConnectionShareOne() {
        final long before = connectionsReceived();
        final Redis fresh = new Redis(server.settings());
        try {
            final List<Long> counts = Flux.range(0, 64).parallel(4).runOn(Schedulers.parallel())
                    .flatMap(i -> fresh.call(r -> r.incr("together"))).sequential().collectList().block(Duration.ofSeconds(10));
            assertThat(counts).as("every call answered").hasSize(64);
            assertThat(connectionsReceived() - before).as("connections Redis accepted for 64 first calls").isEqualTo(1);
        } finally {
            fresh.close();
        }
    }

    /** How many connections the server has accepted since it started (INFO stats), asked over the open connection. */
    private static long connectionsReceived() {
        final String stats = redis.call(r -> r.info("stats")).block(Duration.ofSeconds(5));
        return stats.lines().filter(l -> l.startsWith("total_connections_received:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElseThrow();
    }
}
