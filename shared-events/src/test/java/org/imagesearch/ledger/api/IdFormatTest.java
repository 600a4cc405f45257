package org.imagesearch.ledger.api;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** An id is what the format's regular expression says, without the path segments {@code .} and {@code ..}. */
class IdFormatTest {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Property(tries = 3000)
    void anIdIsWhatTheRegularExpressionMatches(@ForAll("texts") String text) {
        boolean expected = FORMAT.matcher(text).matches() && !text.equals(".") && !text.equals("..");

        assertThat(IdFormat.isValid(text)).as(text).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> near = Arbitraries.strings().withChars("aZ09._-/ é\u0000\n:+").ofMinLength(0).ofMaxLength(70);
        return Arbitraries.oneOf(near, Arbitraries.strings().ofMinLength(0).ofMaxLength(70));
    }

    @Test
    void theEdgesOfTheFormat() {
        assertThat(IdFormat.isValid(null)).isFalse();
        assertThat(IdFormat.isValid("")).isFalse();
        assertThat(IdFormat.isValid(".")).isFalse();
        assertThat(IdFormat.isValid("..")).isFalse();
        assertThat(IdFormat.isValid("...")).isTrue();
        assertThat(IdFormat.isValid("a".repeat(64))).isTrue();
        assertThat(IdFormat.isValid("a".repeat(65))).isFalse();
        assertThat(IdFormat.isValid("acme-42_b.c")).isTrue();
        assertThat(IdFormat.isValid("acme/42")).isFalse();
    }
}
