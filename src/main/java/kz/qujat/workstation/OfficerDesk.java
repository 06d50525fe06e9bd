package kz.qujat.workstation;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import kz.qujat.api.ApplicationDetail;

/** The application an officer has claimed and is reviewing: the queue sets it, the review shows it. */
public final class OfficerDesk {
    private final ObjectProperty<ApplicationDetail> current = new SimpleObjectProperty<>();

    public ObjectProperty<ApplicationDetail> currentProperty() {
        return current;
    }

    public ApplicationDetail current() {
        return current.get();
    }
}
