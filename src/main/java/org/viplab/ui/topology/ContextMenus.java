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
        Runnable hideOld = () -> { if (open[0] != null) open[0].hide(); };
        node.setOnContextMenuRequested(e -> {
            if (open[0] == null || !open[0].isShowing()) {
                ContextMenu m = menu.get();
                if (m == null) return;
                hideOld.run();
                open[0] = m;
                m.show(node, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        node.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.SECONDARY) return;
            if (open[0] == null || !open[0].isShowing()) {
                ContextMenu m = menu.get();
                if (m == null) return;
                hideOld.run();
                open[0] = m;
                m.show(node, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
    }
}
