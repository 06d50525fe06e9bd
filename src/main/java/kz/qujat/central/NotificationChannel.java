package kz.qujat.central;

import java.io.IOException;
import kz.qujat.api.ApplicantNotification;

/**
 * Where applicants' notifications go: the adapter of the e-gov personal cabinet or an SMS gateway in production,
 * a file or HTTP sink in development. A delivery that throws is retried later; a channel must tolerate a repeat
 * (the notification id identifies it).
 */
public interface NotificationChannel {
    void deliver(ApplicantNotification notification) throws IOException;

    /** A short name for the log. */
    String describe();
}
