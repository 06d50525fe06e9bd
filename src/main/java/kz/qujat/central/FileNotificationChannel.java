package kz.qujat.central;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import kz.qujat.api.ApplicantNotification;
import kz.qujat.api.Json;

/**
 * Development sink: appends each notification as one JSON line to a file, with the recipient's IIN and phone
 * masked (the file is for people to read, not a channel to the applicant).
 */
public final class FileNotificationChannel implements NotificationChannel {
    private final Path file;
    private final ObjectMapper mapper = Json.mapper();

    public FileNotificationChannel(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void deliver(ApplicantNotification n) throws IOException {
        ApplicantNotification masked = new ApplicantNotification(n.id(), n.applicationId(), n.ticketNumber(), n.kind(),
                new ApplicantNotification.Recipient(mask(n.recipient().iin()), mask(n.recipient().phone())), n.text(),
                n.createdAt());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, mapper.writeValueAsString(masked) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** Keeps the first two and the last two characters. */
    static String mask(String s) {
        if (s == null || s.length() < 6) {
            return s == null ? null : "*".repeat(s.length());
        }
        return s.substring(0, 2) + "*".repeat(s.length() - 4) + s.substring(s.length() - 2);
    }

    @Override
    public String describe() {
        return "file " + file;
    }
}
