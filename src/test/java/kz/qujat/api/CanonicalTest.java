package kz.qujat.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The test vectors of RFC 8785 (JSON Canonicalization Scheme) that fall within what Qujat signs. */
class CanonicalTest {
    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void section324StringsAndLiteralsAreSerialisedAsTheRfcShows() throws Exception {
        // RFC 8785 3.2.2 input without its "numbers" (fractions: see below)
        JsonNode in = json("{\n  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}");
        String expected = "{\"literals\":[null,true,false],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(Canonical.string(in)).isEqualTo(expected);
        // 3.2.4: the canonical form goes out as UTF-8 (the euro sign as e2 82 ac, nothing escaped that need not be)
        assertThat(Canonical.bytes(in)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(Canonical.bytes(in))).contains("e282ac245c75303030665c6e41");
    }

    @Test
    void section323PropertiesAreSortedByUtf16CodeUnits() throws Exception {
        JsonNode in = json("{\n  \"\\u20ac\": \"Euro Sign\",\n  \"\\r\": \"Carriage Return\",\n"
                + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n  \"1\": \"One\",\n"
                + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n  \"\\u0080\": \"Control\",\n"
                + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n}");
        assertThat(Canonical.string(in)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void appendixBIntegersWithinTwoToThe53AreWrittenAsEcmaScriptDoes() throws Exception {
        assertThat(Canonical.string(json("[0, -0, 1, -1, 9007199254740991, 9007199254740992, -9007199254740992]")))
                .isEqualTo("[0,0,1,-1,9007199254740991,9007199254740992,-9007199254740992]");
        // a whole number written with a fraction is the same number: 4.0 is 4 in ECMAScript
        assertThat(Canonical.string(json("[4.0, 1E2]"))).isEqualTo("[4,100]");
    }

    @Test
    void numbersQujatNeverSignsAreRefusedRatherThanGuessed() {
        // RFC 8785 3.2.2's numbers: 333333333.3333333, 1e+30, 4.5, 0.002, 1e-27 need the ECMAScript
        // double formatting; our documents hold none, so they are refused, never written differently
        for (String n : new String[] {"333333333.33333329", "1E30", "4.50", "2e-3", "0.000000000000000000000000001",
                "9007199254740993", "-9223372036854775808"}) {
            assertThatThrownBy(() -> Canonical.string(json("[" + n + "]"))).as(n)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void whiteSpaceAndOrderOfTheInputDoNotChangeTheBytes() throws Exception {
        byte[] a = Canonical.bytes(json("{ \"b\" : [ 1 , { \"y\":true, \"x\":null } ], \"a\":\"\\u00e9\" }"));
        byte[] b = Canonical.bytes(json("{\"a\":\"é\",\"b\":[1,{\"x\":null,\"y\":true}]}"));
        assertThat(a).isEqualTo(b);
        assertThat(new String(a, StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"é\",\"b\":[1,{\"x\":null,\"y\":true}]}");
    }
}
