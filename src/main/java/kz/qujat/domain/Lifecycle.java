package kz.qujat.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The application lifecycle as one state machine: each event is legal from exactly one status. */
public final class Lifecycle {

    public enum Event {
        CLAIM(Status.SUBMITTED, Status.IN_REVIEW),
        RELEASE(Status.IN_REVIEW, Status.SUBMITTED),
        CLAIM_EXPIRED(Status.IN_REVIEW, Status.SUBMITTED),
        APPROVE(Status.IN_REVIEW, Status.APPROVED),
        ANNUL(Status.IN_REVIEW, Status.ANNULLED),
        PRODUCTION_ACCEPTED(Status.APPROVED, Status.IN_PRODUCTION),
        READY(Status.IN_PRODUCTION, Status.READY_FOR_PICKUP),
        HAND_OVER(Status.READY_FOR_PICKUP, Status.ISSUED);

        private final Status from;
        private final Status to;

        Event(Status from, Status to) {
            this.from = from;
            this.to = to;
        }

        public Status from() {
            return from;
        }

        public Status to() {
            return to;
        }
    }

    /** An event that is not legal in the application's current status. */
    public static final class IllegalTransitionException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Status status;
        private final Event event;

        public IllegalTransitionException(Status status, Event event) {
            super("cannot " + event.name().toLowerCase().replace('_', ' ') + " an application in status " + status
                    + " (only from " + event.from() + ")");
            this.status = status;
            this.event = event;
        }

        public Status status() {
            return status;
        }

        public Event event() {
            return event;
        }
    }

    private static final Map<Status, Map<Event, Status>> TABLE = new EnumMap<>(Status.class);

    static {
        for (Status s : Status.values()) {
            TABLE.put(s, new EnumMap<>(Event.class));
        }
        for (Event e : Event.values()) {
            TABLE.get(e.from()).put(e, e.to());
        }
    }

    private Lifecycle() {
    }

    /** The status after {@code event}, or an {@link IllegalTransitionException}. */
    public static Status next(Status current, Event event) {
        return Optional.ofNullable(TABLE.get(current).get(event))
                .orElseThrow(() -> new IllegalTransitionException(current, event));
    }

    public static boolean allowed(Status current, Event event) {
        return TABLE.get(current).containsKey(event);
    }

    /** Terminal statuses: nothing moves an application out of them. */
    public static boolean isFinal(Status status) {
        return TABLE.get(status).isEmpty();
    }
}
