package org.viplab.ui.topology;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.MouseButton;

import java.util.function.Supplier;

/**
 * Opens a freshly built context menu (so its texts are in the current language) on a right-click. Listens
 * to both the platform's context-menu request and the secondary-button press, because not every glass
 * platform sends the former (Monocle, used headless, does not); whichever comes first wins.
 */
public final class ContextMenus {
    private ContextMenus() { }

    /** @param menu builds the menu for this click, or returns null when there is nothing to offer here */
    public static void install(Node node, Supplier<ContextMenu> menu) {
        ContextMenu[] open = new ContextMenu[1];
        node.setOnContextMenuRequested(e -> {
            if (show(node, menu, open, e.getScreenX(), e.getScreenY())) e.consume();
        });
        node.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && show(node, menu, open, e.getScreenX(), e.getScreenY())) e.consume();
        });
    }

    /** Shows a fresh menu unless one is already showing; false when there is nothing to offer here. */
    private static boolean show(Node node, Supplier<ContextMenu> menu, ContextMenu[] open, double x, double y) {
        if (open[0] != null && open[0].isShowing()) return true;
        ContextMenu m = menu.get();
        if (m == null) return false;
        if (open[0] != null) open[0].hide();
        open[0] = m;
        m.show(node, x, y);
        return true;
    }
}
