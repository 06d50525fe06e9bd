package kz.qujat.workstation.fx;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/**
 * Reads a window as the user sees it: every text shown (labels, buttons, table cells, chart legends and axes), and
 * finds what a user would suffer from: a text cut to an ellipsis, a control outside the window, and words of a
 * language other than the one chosen.
 */
final class ScreenInspector {
    private static final String[] BUNDLES = {"kz.qujat.workstation.messages", "kz.qujat.inspect.explanations"};

    private ScreenInspector() {
    }

    /** Labels, buttons and cells whose text is cut (an ellipsis shown for the rest), and controls outside the window. */
    static List<String> clipped(Scene scene, String where) {
        List<String> out = new ArrayList<>();
        double w = scene.getWidth();
        double h = scene.getHeight();
        walk(scene.getRoot(), false, (node, scrolled) -> {
            if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
                String shown = shownText(l);
                if (shown != null && !shown.replace("_", "").equals(l.getText().replace("_", ""))) {
                    out.add(where + ": '" + l.getText() + "' is shown cut as '" + shown + "' (" + describe(node) + ", "
                            + Math.round(l.getWidth()) + "x" + Math.round(l.getHeight()) + ")");
                }
            }
            if (node instanceof Control && !scrolled && node.getScene() != null) {
                Bounds b = node.localToScene(node.getLayoutBounds());
                if (b.getWidth() > 0 && (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > w + 1 || b.getMaxY() > h + 1)) {
                    out.add(where + ": " + describe(node) + " lies outside the " + Math.round(w) + "x" + Math.round(h)
                            + " window at " + Math.round(b.getMinX()) + "," + Math.round(b.getMinY()) + " – "
                            + Math.round(b.getMaxX()) + "," + Math.round(b.getMaxY()));
                }
            }
        });
        return out;
    }

    /** Every text on the screen that carries words of {@code old}'s bundles absent from {@code now}'s. */
    static List<String> oldLanguage(Scene scene, Locale old, Locale now, String where) {
        Set<String> fragments = fragments(old, now);
        List<String> out = new ArrayList<>();
        for (String shown : texts(scene)) {
            for (String f : fragments) {
                if (shown.contains(f)) {
                    out.add(where + ": '" + shown + "' still says '" + f + "' (" + old + ") after switching to " + now);
                    break;
                }
            }
        }
        return out;
    }

    /** The texts shown in the window, typed input and documents (text fields and areas) excepted. */
    static List<String> texts(Scene scene) {
        List<String> out = new ArrayList<>();
        walk(scene.getRoot(), false, (node, scrolled) -> {
            if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
                out.add(l.getText());
            } else if (node instanceof Text t && !(t.getParent() instanceof Labeled) && t.getText() != null
                    && !t.getText().isBlank()) {
                out.add(t.getText());
            }
        });
        return out;
    }

    /**
     * The fixed pieces of {@code old}'s texts (between MessageFormat arguments) of six letters or more that no text of
     * {@code now} contains: finding one on the screen means a text was left in the old language.
     */
    static Set<String> fragments(Locale old, Locale now) {
        Set<String> nowTexts = new HashSet<>();
        for (String b : BUNDLES) {
            ResourceBundle bundle = bundle(b, now);
            for (Enumeration<String> keys = bundle.getKeys(); keys.hasMoreElements(); ) {
                nowTexts.add(bundle.getString(keys.nextElement()));
            }
        }
        String allNow = String.join("\n", nowTexts);
        Set<String> out = new HashSet<>();
        for (String b : BUNDLES) {
            ResourceBundle bundle = bundle(b, old);
            for (Enumeration<String> keys = bundle.getKeys(); keys.hasMoreElements(); ) {
                for (String piece : bundle.getString(keys.nextElement()).replace("'", "").split("\\{[^}]*}|\\n")) {
                    String p = piece.strip().replaceAll("^[\\p{Punct}\\s·—–]+|[\\p{Punct}\\s·—–]+$", "");
                    if (p.codePoints().filter(Character::isLetter).count() >= 6 && !allNow.contains(p)) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    private static ResourceBundle bundle(String name, Locale l) {
        return ResourceBundle.getBundle(name, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The text a Labeled's skin draws (with the ellipsis when cut); null before the skin exists. */
    private static String shownText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    private static String describe(Node n) {
        String id = n.getId() != null ? "#" + n.getId() : "";
        for (Node p = n.getParent(); id.isEmpty() && p != null; p = p.getParent()) {
            if (p.getId() != null) {
                id = "in #" + p.getId();
            }
        }
        return n.getClass().getSimpleName() + " " + id;
    }

    private interface Visitor {
        void visit(Node node, boolean scrolled);
    }

    /** Visits the nodes a user can see: visible ones whose parents are visible; typed text is not walked into. */
    private static void walk(Node node, boolean scrolled, Visitor v) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        v.visit(node, scrolled);
        if (node instanceof TextInputControl || !(node instanceof Parent p)) {
            return;
        }
        // what a scroll pane, a table's rows or its header row (scrolled sideways with the rows) clip is not outside
        boolean inside = scrolled || node instanceof ScrollPane
                || node.getClass().getName().endsWith("VirtualFlow")
                || node.getClass().getName().endsWith("TableHeaderRow");
        for (Node c : p.getChildrenUnmodifiable()) {
            walk(c, inside, v);
        }
    }
}
