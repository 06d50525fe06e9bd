package kz.qujat.central;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import kz.qujat.api.ApplicantNotification;
import kz.qujat.api.Json;
import kz.qujat.api.LocalizedText;
import kz.qujat.central.store.NotificationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the applicants' notifications from their outbox to the channel, retrying with backoff until the
 * channel accepts. No transaction is open while the channel is called. Run {@link #runOnce()} on a schedule.
 */
public final class NotificationSender {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofSeconds(60);
    private final NotificationStore store;
    private final NotificationChannel channel;
    private final Clock clock;
    private final ObjectMapper mapper = Json.mapper();

    public NotificationSender(NotificationStore store, NotificationChannel channel, Clock clock) {
        this.store = store;
        this.channel = channel;
        this.clock = clock;
    }

    /** One pass over the due notifications; never throws, so the schedule keeps running. */
    public void runOnce() {
        try {
            for (NotificationStore.Due due : store.lease(clock.instant(), BATCH, LEASE)) {
                try {
                    channel.deliver(message(due));
                    store.delivered(due, clock.instant());
                    LOG.info("notification {} ({}) of {} delivered", due.id(), due.kind(), due.ticketNumber());
                } catch (IOException | RuntimeException e) {
                    String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                    LOG.info("notification {} not delivered: {}", due.id(), error);
                    store.failed(due, error.length() > 200 ? error.substring(0, 200) : error, clock.instant());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("notification pass failed: {}", e.getMessage());
        }
    }

    private ApplicantNotification message(NotificationStore.Due d) throws IOException {
        JsonNode form = mapper.readTree(d.formJson());
        String phone = form.path("phone").isTextual() ? form.path("phone").asText() : null;
        return new ApplicantNotification(d.id(), d.applicationId(), d.ticketNumber(), d.kind(),
                new ApplicantNotification.Recipient(d.iin(), phone), new LocalizedText(d.textRu(), d.textKk()),
                d.createdAt());
    }
}
