package com.serialtrust.api.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.RedisServer;
import io.netty.util.HashedWheelTimer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * What a command leaves behind on a real Redis: nothing once it is answered, and a bounded number of
 * commands when the server stops answering.
 */
class RedisBoundsIntegrationTests {

    @Test
    void anAnsweredCommandLeavesNothingOnLettucesTimer() {
        try (RedisServer server = RedisServer.start(); Redis redis = new Redis(server.settings())) {
            assertThat(redis.call(r -> r.incr("answered")).block(Duration.ofSeconds(5))).as("connected").isEqualTo(1);
            final HashedWheelTimer timer = (HashedWheelTimer) redis.timer();
            final long connected = timer.pendingTimeouts(); // Lettuce's own, of the connection
            final List<Long> counts = Flux.range(0, 200).flatMap(i -> redis.call(r -> r.incr("answered")), 16)
                    .collectList().block(Duration.ofSeconds(10));
            assertThat(counts).as("every call answered").hasSize(200);
            // A command on the timer is held, with the request that sent it, until the timer's next
            // tick after its answer: under load, past a young collection, into the old generation
            assertThat(timer.pendingTimeouts()).as("timeouts held after 200 answered commands").isLessThanOrEqualTo(connected);
        }
    }

    @Test
    void commandsAHungServerHasNotAnsweredAreBoundedAndTheRestFailAtOnce() {
        try (RedisServer server = RedisServer.start(); Redis redis = new Redis(server.settings());
                Redis admin = new Redis(server.settings())) {
            assertThat(redis.call(r -> r.set("bounded", "yes")).block(Duration.ofSeconds(5))).isEqualTo("OK");
            assertThat(admin.call(r -> r.clientPause(1_500)).block(Duration.ofSeconds(5))).isEqualTo("OK");
            final int sent = Redis.REQUEST_QUEUE + 500;
            final long started = System.nanoTime();
            // each call waits longer than the pause: what is refused was refused by the bound
            final List<Optional<String>> answers = Flux.range(0, sent)
                    .flatMap(i -> redis.call(r -> r.get("bounded"), Duration.ofSeconds(10)).map(Optional::of)
                            .defaultIfEmpty(Optional.empty()), sent)
                    .collectList().block(Duration.ofSeconds(20));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the pause was waited out").isGreaterThan(Duration.ofMillis(1_000));
            final long answered = answers.stream().filter(Optional::isPresent).count();
            assertThat(answered).as("answered after the pause, of %d sent", sent).isPositive().isLessThanOrEqualTo(Redis.REQUEST_QUEUE);
            assertThat(sent - answered).as("refused").isGreaterThanOrEqualTo(500);
            assertThat(redis.call(r -> r.get("bounded")).block(Duration.ofSeconds(5))).as("after the pause").isEqualTo("yes");
        }
    }
}
