package org.nvmeworkbench.core.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeedClaimsTest {
    private static SeedClaims claims;

    @BeforeAll
    static void runTheModel() {
        claims = SeedClaims.run(ScenarioLibrary.shipped("the-seeds-claims"));
    }

    @Test
    void everyClaimIsCheckedWithThePublishedValues() {
        List<ClaimCheck> c = claims.claims();
        assertThat(c).hasSize(5);
        assertThat(c.get(2).claimedBefore()).isEqualTo(12);
        assertThat(c.get(2).claimedAfter()).isEqualTo(3.2);
        assertThat(c.get(3).claimedText()).isEqualTo("18.7 -> 11.2 us");
        assertThat(c.get(4).claimedText()).isEqualTo("12 -> 3.80%");
        assertThat(c.get(0).claimedText()).isEqualTo("16 vectors");
    }

    @Test
    void theModelsValuesComeFromItsRuns() {
        List<ClaimCheck> c = claims.claims();
        assertThat(c.get(1).modelAfter()).isEqualTo(claims.seed().result().completionsPerInterrupt());
        assertThat(c.get(1).modelBefore()).isEqualTo(claims.kernelLike().result().completionsPerInterrupt());
        assertThat(c.get(2).modelBefore()).isCloseTo(claims.unbound().result().cpus().handlerMeanNanos() / 1e3, within(1e-9));
        assertThat(c.get(3).modelAfter()).isEqualTo(claims.seed().readPercentileNanos(99) / 1e3);
        assertThat(claims.unbound().result().cpus().cores().get(0).vectors()).hasSize(16);
        assertThat(claims.seed().result().cpus().remoteWakeups()).isZero();
        for (ClaimCheck each : c) {
            assertThat(each.verdict()).isEqualTo(ClaimCheck.judge(each.claimedBefore(), each.claimedAfter(),
                    each.modelBefore(), each.modelAfter()));
            assertThat(each.why()).isNotBlank();
        }
    }

    @Test
    void judgingTellsReproducedFromDirectionFromNot() {
        assertThat(ClaimCheck.judge(12, 3.2, 11, 3.5)).isEqualTo(ClaimCheck.Verdict.REPRODUCED);
        assertThat(ClaimCheck.judge(12, 3.2, 4, 2)).isEqualTo(ClaimCheck.Verdict.DIRECTION_ONLY);
        assertThat(ClaimCheck.judge(12, 3.2, 4, 4.1)).isEqualTo(ClaimCheck.Verdict.NOT_REPRODUCED);
        assertThat(ClaimCheck.judge(12, 3.2, 4, 6)).isEqualTo(ClaimCheck.Verdict.NOT_REPRODUCED);
        assertThat(ClaimCheck.judge(Double.NaN, 16, Double.NaN, 16)).isEqualTo(ClaimCheck.Verdict.REPRODUCED);
        assertThat(ClaimCheck.judge(Double.NaN, 16, Double.NaN, 8)).isEqualTo(ClaimCheck.Verdict.NOT_REPRODUCED);
    }
}
