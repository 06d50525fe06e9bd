package kz.qujat.workstation.review;

import kz.qujat.inspect.PhotoInspectors;
import kz.qujat.inspect.SignatureInspector;
import kz.qujat.inspect.Thresholds;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;

/** What the photo and signature tools of the review need from the running workstation, and nothing more. */
public interface InspectionServices {
    BackgroundTask tasks();

    I18n i18n();

    /** The thresholds of the checks, without loading OpenCV. */
    Thresholds thresholds();

    /** The photo checks (the first inspection loads OpenCV: never on the FX thread). */
    PhotoInspectors photoInspectors();

    SignatureInspector signatureInspector();
}
