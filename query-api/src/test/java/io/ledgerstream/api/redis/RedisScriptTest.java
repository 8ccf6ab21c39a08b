package io.ledgerstream.api.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.api.testing.RedisProcess;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/** On a Redis of the test's own, whose script cache it flushes. */
class RedisScriptTest {

    @Test
    void shouldRunByDigestAndSendTheScriptAgainWhenRedisHasForgottenIt() {
        RedisScript script = new RedisScript("return redis.call('INCRBY', KEYS[1], ARGV[1])");
        try (RedisProcess own = RedisProcess.start();
             RedisClient client = RedisClient.create(HostAndPort.from(own.url().substring("redis://".length())))) {
            assertThat(script.run(client, List.of("n"), List.of("2"))).isEqualTo(2L);
            assertThat(script.run(client, List.of("n"), List.of("3"))).isEqualTo(5L);

            client.scriptFlush();

            assertThat(script.run(client, List.of("n"), List.of("4"))).isEqualTo(9L);
        }
    }
}
