package org.imagesearch.ledger.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LivesTest {

    @Test
    void numbersAreTheSevenZeroPaddedDigitsThatFormatGives() {
        for (int index : new int[] {0, 7, 42, 99_999, 1_234_567, 12_345_678}) {
            assertThat(Lives.number(index)).isEqualTo(String.format("%07d", index));
        }
        assertThat(Lives.instance("cmd", 5).value()).isEqualTo("cmd-i-0000005");
    }
}
