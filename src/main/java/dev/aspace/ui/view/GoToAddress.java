package dev.aspace.ui.view;

import dev.aspace.layout.Viewport;
import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.locate.Location;
import dev.aspace.snapshot.locate.LocationText;
import dev.aspace.snapshot.locate.Locator;
import dev.aspace.ui.Background;
import dev.aspace.ui.ribbon.Pin;
import dev.aspace.ui.ribbon.RibbonView;
import dev.aspace.ui.vm.SessionModel;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

import java.util.List;

/**
 * Go to address (Ctrl+G): asks for an address, says what it is in the details (region, section,
 * symbol, whose stack), selects its region, zooms the ribbon there and pins it. The ELF files are
 * read in the background.
 */
public final class GoToAddress {

    private final SessionModel session;
    private final RibbonView ribbon;
    private final DetailsPane details;
    private final Background background;
    private String last = "";

    public GoToAddress(SessionModel session, RibbonView ribbon, DetailsPane details, Background background) {
        this.session = session;
        this.ribbon = ribbon;
        this.details = details;
        this.background = background;
    }

    /** Asks for the address in a small dialog; a bad one is said in the banner. */
    public void ask(Window owner) {
        if (session.getSnapshot() == null) {
            return;
        }
        TextInputDialog d = new TextInputDialog(last);
        d.initOwner(owner);
        d.setTitle("Go to address");
        d.setHeaderText("Where is an address? (hexadecimal, e.g. 0x7ffd5e8c1a2c)");
        d.getEditor().setId("goToAddressField");
        d.showAndWait().ifPresent(text -> {
            last = text.strip();
            try {
                go(LocationText.parseAddress(text));
            } catch (IllegalArgumentException e) {
                session.showMessage(e.getMessage());
            }
        });
    }

    /** Locates an address in the snapshot on screen and shows it. */
    public void go(long address) {
        Snapshot s = session.getSnapshot();
        if (s == null) {
            return;
        }
        background.submit(() -> new Locator(s).locate(address), this::show, session::reportError);
    }

    private void show(Location l) {
        if (l.mapped()) {
            session.selectedProperty().set(l.region());
            ribbon.model().zoomTo(l.region());
        } else {
            zoomToGap(l);
        }
        details.showLocation(l);
        String sym = l.symbolText();
        ribbon.setPins("goto", List.of(new Pin(l.address(), sym.isEmpty() ? "0x" + Long.toHexString(l.address()) : sym)));
    }

    private void zoomToGap(Location l) {
        Region b = l.below();
        Region a = l.above();
        long lo = b == null ? 0 : b.start();
        long last = a == null ? -1L : a.end() - 1;
        ribbon.model().show(new Viewport(ribbon.model().getViewport().lengthPx(), lo, last));
    }
}
