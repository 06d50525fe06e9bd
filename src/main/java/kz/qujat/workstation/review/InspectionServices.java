package kz.qujat.workstation.review;

import kz.qujat.inspect.PhotoInspector;
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

    /** The calling background thread's photo inspector (loads OpenCV on first use: never on the FX thread). */
    PhotoInspector photoInspector();

    SignatureInspector signatureInspector();
}
