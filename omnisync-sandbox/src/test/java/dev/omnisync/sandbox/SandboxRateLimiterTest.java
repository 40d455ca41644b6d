package dev.omnisync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SandboxRateLimiterTest {

    @Test
    void burstThenRefusedUntilRefilled() throws InterruptedException {
        SandboxRateLimiter limiter = new SandboxRateLimiter(new SandboxSettings(new MockEnvironment()));
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.take("b", 20, 3).allowed(), "take " + i);
        }
        SandboxRateLimiter.Take refused = limiter.take("b", 20, 3);
        assertFalse(refused.allowed());
        assertTrue(refused.millisUntilNextToken() > 0 && refused.millisUntilNextToken() <= 50, "wait " + refused.millisUntilNextToken());
        Thread.sleep(120);
        assertTrue(limiter.take("b", 20, 3).allowed());
        assertTrue(limiter.take("other", 20, 3).allowed(), "buckets are independent");
    }

    @Test
    void settingsOverrideTheDocumentedRate() {
        MockEnvironment env = new MockEnvironment().withProperty("omnisync.sandbox.rate.x.per-second", "0.001")
                .withProperty("omnisync.sandbox.rate.x.burst", "1");
        SandboxRateLimiter limiter = new SandboxRateLimiter(new SandboxSettings(env));
        assertTrue(limiter.take("x", 1000, 1000).allowed());
        SandboxRateLimiter.Take second = limiter.take("x", 1000, 1000);
        assertFalse(second.allowed());
        assertEquals(0.001, second.ratePerSecond());
        limiter.reset();
        assertTrue(limiter.take("x", 1000, 1000).allowed());
    }
}
