package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kz.qujat.api.Paths;
import kz.qujat.domain.KzTime;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.Test;

/** R10 over HTTP against PostgreSQL: the finance department sees the refunds owed, exports them, records them paid. */
class RefundHttpTest {

    @Test
    void financeSeesExportsAndPaysRefundsAndTheLogShowsIt() throws Exception {
        try (TestCentral f = new TestCentral()) {
            TestCentral.Submitted astana = f.decided("ASTANA", "officer-astana", "ANNUL", "PHOTO", null);
            TestCentral.Submitted almaty = f.decided("ALMATY", "officer-almaty", "ANNUL", "SIGNATURE", null);
            f.decided("ASTANA", "officer-astana", "APPROVE", null, null);
            String finance = f.token("finance");

            assertThat(f.http.get(Paths.REFUNDS, f.token("officer-astana")).status()).isEqualTo(403);
            assertThat(f.http.get(Paths.REFUNDS, f.token("supervisor")).status()).isEqualTo(403);
            Http.Answer owed = f.http.get(Paths.REFUNDS + "?status=OWED", finance);
            assertThat(owed.status()).as(owed.toString()).isEqualTo(200);
            assertThat(owed.json().findValuesAsText("ticketNumber")).containsExactly(astana.ticket(), almaty.ticket());
            JsonNode first = owed.json().get(0);
            String iin = ((String) f.scalar("SELECT iin FROM application WHERE id = ?", astana.id())).trim();
            assertThat(first.get("applicant").get("iin").asText()).isEqualTo(iin);
            assertThat(first.get("applicant").get("surname").asText()).isNotBlank();
            assertThat(first.get("feePaymentRef").asText()).isNotBlank();
            assertThat(first.get("amountTiyn").asLong()).isPositive();
            assertThat(first.get("reason").asText()).isEqualTo("PHOTO");
            assertThat(f.http.get(Paths.REFUNDS + "?status=PAID", finance).status()).isEqualTo(400);

            Http.Answer csv = f.http.get(Paths.REFUNDS_EXPORT + "?status=OWED", finance);
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            String text = new String(csv.body(), StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            assertThat(lines.get(0)).isEqualTo("\uFEFF" + String.join(",", RefundService.EXPORT_COLUMNS));
            assertThat(lines).hasSize(3);
            assertThat(lines.get(1)).startsWith(astana.ticket() + "," + iin + ",").contains(first.get("feePaymentRef").asText())
                    .contains("," + java.math.BigDecimal.valueOf(first.get("amountTiyn").asLong(), 2).toPlainString() + ",");

            String paid = Paths.fill(Paths.REFUND_PAID, "id", astana.id().toString());
            // the day the server dated the annulment (its clock may have passed midnight in Almaty since the suite began)
            LocalDate today = KzTime.dateOf(java.time.Instant.parse(first.get("annulledAt").asText()));
            assertThat(f.http.post(paid, finance, Map.of("paymentReference", "=1+1", "paidOn", today.toString()))
                    .status()).isEqualTo(400);
            assertThat(f.http.post(paid, finance, Map.of("paymentReference", "PP-2026-000123",
                    "paidOn", today.plusDays(400).toString())).status()).isEqualTo(400);
            assertThat(f.http.post(paid, f.token("supervisor"), Map.of("paymentReference", "PP-2026-000123",
                    "paidOn", today.toString())).status()).isEqualTo(403);
            Http.Answer ok = f.http.post(paid, finance, Map.of("paymentReference", "PP-2026-000123",
                    "paidOn", today.toString()));
            assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
            assertThat(ok.json().get("status").asText()).isEqualTo("REFUNDED");
            assertThat(ok.json().get("payment").get("reference").asText()).isEqualTo("PP-2026-000123");
            assertThat(ok.json().get("payment").get("recordedBy").asText()).isEqualTo("830119390095");
            assertThat(ok.json().get("payment").get("recordedByName").asText()).isEqualTo("БАЙМУХАНОВ АСЛАН");
            assertThat(f.http.post(paid, finance, Map.of("paymentReference", "PP-2026-000124", "paidOn",
                    today.toString())).status()).isEqualTo(409);
            assertThat(f.http.post(Paths.fill(Paths.REFUND_PAID, "id", java.util.UUID.randomUUID().toString()), finance,
                    Map.of("paymentReference", "PP-2026-000125", "paidOn", today.toString())).status()).isEqualTo(404);

            assertThat(f.http.get(Paths.REFUNDS + "?status=OWED", finance).json().findValuesAsText("ticketNumber"))
                    .containsExactly(almaty.ticket());
            assertThat(f.http.get(Paths.REFUNDS + "?status=REFUNDED", finance).json().findValuesAsText("ticketNumber"))
                    .containsExactly(astana.ticket());
            // the supervisor's log carries the refund status; the audit log the payment, by whom
            JsonNode log = f.http.get(Paths.ANNULMENTS, f.token("supervisor")).json();
            for (JsonNode a : log) {
                assertThat(a.get("refundStatus").asText())
                        .isEqualTo(a.get("ticketNumber").asText().equals(astana.ticket()) ? "REFUNDED" : "OWED");
            }
            assertThat(f.scalar("SELECT actor_iin FROM audit_event WHERE kind = 'REFUND_PAID' AND application_id = ?",
                    astana.id())).isEqualTo("830119390095");
            assertThat((Long) f.scalar("SELECT count(*) FROM audit_event WHERE kind = 'PD_READ' AND actor_iin = ?",
                    "830119390095")).isGreaterThanOrEqualTo(4L);
        }
    }
}
