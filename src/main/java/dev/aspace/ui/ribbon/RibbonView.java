package dev.aspace.ui.ribbon;

import atlantafx.base.theme.Styles;
import dev.aspace.layout.Bin;
import dev.aspace.layout.FreeSpace;
import dev.aspace.layout.RegionSet;
import dev.aspace.layout.RibbonLayout;
import dev.aspace.layout.Scale;
import dev.aspace.layout.Viewport;
import dev.aspace.model.ByteSize;
import dev.aspace.model.Region;
import dev.aspace.snapshot.locate.PlacedSection;
import dev.aspace.snapshot.locate.SectionMap;
import dev.aspace.ui.view.Tips;
import dev.aspace.ui.vm.Highlights;
import dev.aspace.ui.vm.RegionChange;
import dev.aspace.ui.vm.SessionModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The address space as one vertical ribbon on one Canvas, high addresses at the top; a minimap of
 * the whole space beside it shows where the view is. Hover and click go through the layout's hit
 * testing, not the scene graph. Wheel, drag and keys zoom and pan; double-click zooms to a region.
 */
public final class RibbonView extends BorderPane {

    private static final double ZOOM_STEP = 1.5;

    private final SessionModel session;
    private final RibbonModel model = new RibbonModel();
    private final Pane host = new Pane();
    private final Canvas canvas = new Canvas(400, 600);
    private final Canvas minimap = new Canvas(22, 600);
    private final Pane miniHost = new Pane();
    /** The hover tooltip, made at the first hover (a popup window with its own scene). */
    private Tooltip tooltip;
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final Label status = new Label();
    private int hovered = -1;
    private boolean paintPending;
    private double dragY = Double.NaN;
    private boolean dragged;
    private RibbonLayout wholeCache;
    private FreeSpace freeCache;
    private RegionSet freeCacheSet;
    private final Map<String, List<Pin>> pins = new LinkedHashMap<>();
    private SectionMap sections = SectionMap.EMPTY;
    private final ReadOnlyBooleanProperty dark;

    /** @param dark true while the dark theme is on (the palette follows it) */
    public RibbonView(SessionModel session, ReadOnlyBooleanProperty dark) {
        this.session = session;
        this.dark = dark;
        setId("ribbon");
        getStyleClass().add("ribbon-pane");
        canvas.setId("ribbonCanvas");
        canvas.setFocusTraversable(true);
        minimap.setId("minimap");
        // unmanaged: the canvas follows its host's size and must not push the host to grow
        canvas.setManaged(false);
        minimap.setManaged(false);
        host.getChildren().add(canvas);
        host.setMinSize(200, 200);
        miniHost.getChildren().add(minimap);
        miniHost.setMinWidth(26);
        miniHost.setPrefWidth(26);
        BorderPane.setMargin(miniHost, new Insets(0, 0, 0, 4));
        setCenter(host);
        setLeft(miniHost);
        setTop(controls());
        setBottom(legend());

        host.widthProperty().addListener(o -> resize());
        host.heightProperty().addListener(o -> resize());
        miniHost.heightProperty().addListener(o -> resize());
        model.layoutProperty().addListener(o -> repaint());
        model.viewportProperty().addListener(o -> showViewport());
        session.snapshotProperty().addListener((o, a, s) -> {
            model.setSnapshot(s, session.regionSet());
            wholeCache = null;
            hovered = -1;
            repaint();
        });
        session.selectedProperty().addListener((o, a, r) -> {
            model.reveal(indexOf(r));
            repaint();
        });
        session.highlightsProperty().addListener(o -> repaint());
        dark.addListener(o -> repaint());
        model.setSnapshot(session.getSnapshot(), session.regionSet());
        showViewport();

        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> clearHover());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            canvas.requestFocus();
            dragY = e.getY();
            dragged = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!Double.isNaN(dragY)) {
                double dy = e.getY() - dragY;
                if (Math.abs(dy) >= 1) {
                    dragged = true;
                    dragY = e.getY();
                    model.pan(dy);
                }
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragY = Double.NaN);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && !dragged) {
                click(e.getX(), e.getY(), e.getClickCount());
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                model.zoomAt(geometry().p(e.getY()), Math.pow(ZOOM_STEP, e.getDeltaY() / 40.0));
                e.consume();
            }
        });
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (key(e)) {
                e.consume();
            }
        });
        minimap.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> jumpTo(e.getY()));
        minimap.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> jumpTo(e.getY()));
    }

    public RibbonModel model() {
        return model;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** The tooltip's text for the region (or gap, or bin) under the mouse; "" when none. */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    public Tooltip tooltip() {
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(520);
        }
        return tooltip;
    }

    /** Index in the snapshot of the selected region, or -1. */
    public int selectedIndex() {
        return indexOf(session.selectedProperty().get());
    }

    /** Canvas y of the middle of a region (for tests and the screenshot script), or NaN when hidden. */
    public double yOf(int regionIndex) {
        RibbonLayout l = model.getLayout();
        if (!l.isVisible(regionIndex)) {
            return Double.NaN;
        }
        RibbonGeometry g = geometry();
        return g.y((l.regionStartPx(regionIndex) + l.regionEndPx(regionIndex)) / 2);
    }

    /** Canvas y of an address on the ribbon (tests, the screenshot script), or NaN outside the view. */
    public double yOfAddress(long address) {
        var v = model.getViewport();
        if (Long.compareUnsigned(address, v.lo()) < 0 || Long.compareUnsigned(address, v.last()) > 0) {
            return Double.NaN;
        }
        return geometry().y(model.getLayout().pixelOf(address));
    }

    /** Canvas x of the middle of the bar. */
    public double barMiddleX() {
        RibbonGeometry g = geometry();
        return g.barX() + g.bar() / 2;
    }

    public void zoomIn() {
        model.zoomAt(model.getViewport().lengthPx() / 2, ZOOM_STEP);
    }

    public void zoomOut() {
        model.zoomAt(model.getViewport().lengthPx() / 2, 1 / ZOOM_STEP);
    }

    /** Positive: towards higher addresses (up). */
    public void panBy(double fraction) {
        model.pan(fraction * model.getViewport().lengthPx());
    }

    private int indexOf(Region r) {
        if (r == null) {
            return -1;
        }
        int i = model.regionSet().indexOf(r.start());
        return i >= 0 && model.regionSet().start(i) == r.start() ? i : -1;
    }

    private RibbonGeometry geometry() {
        return RibbonGeometry.of(canvas.getWidth(), canvas.getHeight());
    }

    private void resize() {
        double w = Math.max(100, host.getWidth());
        double h = Math.max(100, host.getHeight());
        canvas.setWidth(w);
        canvas.setHeight(h);
        minimap.setHeight(h);
        wholeCache = null;
        model.setLength(geometry().length());
        repaint();
    }

    /**
     * Asks for the frame to be drawn (also called each tick so highlights fade). It is drawn once,
     * in the next pulse's layout, however many changes asked for it before: a new snapshot
     * changes the layout, the selection and the size together.
     */
    public void repaint() {
        paintPending = true;
        setNeedsLayout(true);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren(); // may resize the canvas
        if (paintPending) {
            paintPending = false;
            paint();
        }
    }

    private void paint() {
        RibbonPalette pal = RibbonPalette.current(dark.get());
        RibbonRenderer.draw(canvas.getGraphicsContext2D(), model.getLayout(), geometry(), pal,
                new RibbonRenderer.State(selectedIndex(), hovered, session.highlightsProperty().get(), System.nanoTime()));
        SectionPainter.draw(canvas.getGraphicsContext2D(), model.getLayout(), geometry(), pal, sections);
        List<Pin> all = new ArrayList<>();
        pins.values().forEach(all::addAll);
        PinPainter.draw(canvas.getGraphicsContext2D(), model.getLayout(), geometry(), all);
        paintMinimap(pal);
    }

    /** Replaces one group of pins ("pointers", "goto", ...); an empty list removes the group. */
    public void setPins(String group, List<Pin> groupPins) {
        if (groupPins.isEmpty()) {
            pins.remove(group);
        } else {
            pins.put(group, List.copyOf(groupPins));
        }
        repaint();
    }

    /** The ELF sections to draw inside the regions of the snapshot on screen (at zoom). */
    public void setSections(SectionMap map) {
        sections = map;
        repaint();
    }

    public SectionMap sections() {
        return sections;
    }

    /** Every pin shown, in group order. */
    public List<Pin> pins() {
        List<Pin> all = new ArrayList<>();
        pins.values().forEach(all::addAll);
        return all;
    }

    private void showViewport() {
        Viewport v = model.getViewport();
        status.setText((v.isWhole() ? "whole 64-bit space" : model.isUserHalf(v) ? "user half (0 – 0x"
                + Long.toHexString(v.last() + 1) + ")" : "0x" + Long.toHexString(v.lo()) + " – 0x"
                + Long.toHexString(v.last())) + " · " + ByteSize.formatUnsigned(v.spanBytes() >= 0x1p63 ? -1L
                : (long) v.spanBytes()));
    }

    private void paintMinimap(RibbonPalette pal) {
        RibbonGeometry g = geometry();
        var gc = minimap.getGraphicsContext2D();
        gc.setFill(pal.gap());
        gc.fillRect(0, 0, minimap.getWidth(), minimap.getHeight());
        if (wholeCache == null || wholeCache.regionSet() != model.regionSet()) {
            wholeCache = RibbonLayout.layout(model.regionSet(), Viewport.whole(g.length()), Scale.LOG);
        }
        RibbonLayout whole = wholeCache;
        for (int j = 0, n = whole.wideRegionCount(); j < n; j++) {
            int r = whole.wideRegion(j);
            double a = whole.regionStartPx(r);
            double b = whole.regionEndPx(r);
            gc.setFill(pal.fill(model.regionSet().region(r).perms()));
            gc.fillRect(3, g.y(b), minimap.getWidth() - 6, b - a);
        }
        for (int i = 0, n = whole.binCount(); i < n; i++) {
            Bin bin = whole.bin(i);
            gc.setFill(pal.fill(bin.perms()));
            gc.fillRect(3, g.y(bin.pixel() + 1), minimap.getWidth() - 6, 1);
        }
        Viewport v = model.getViewport();
        double lo = whole.pixelOf(v.lo());
        double hi = Math.max(whole.pixelAfter(v.last()), lo + 2);
        gc.setStroke(pal.selection());
        gc.setLineWidth(2);
        gc.strokeRect(1, g.y(hi), minimap.getWidth() - 2, hi - lo);
    }

    /** Centres the view on the minimap's pixel, keeping the zoom. */
    private void jumpTo(double y) {
        if (wholeCache == null) {
            return;
        }
        RibbonGeometry g = geometry();
        RibbonLayout whole = wholeCache;
        Viewport v = model.getViewport();
        if (v.isWhole()) {
            return;
        }
        double lo = whole.pixelOf(v.lo());
        double hi = whole.pixelAfter(v.last());
        double shift = g.p(y) - (lo + hi) / 2;
        // the current layout pans in its own pixels: convert whole-ribbon pixels to view pixels
        double span = Math.max(1e-9, hi - lo);
        model.pan(shift / span * v.lengthPx());
    }

    private void hover(double x, double y, double sx, double sy) {
        RibbonGeometry g = geometry();
        RibbonLayout l = model.getLayout();
        double p = g.p(y);
        int before = hovered;
        String text = "";
        hovered = -1;
        if (p >= 0 && p <= l.lengthPx() && g.onRibbon(x) && model.regionSet().size() > 0) {
            int bin = l.binAt(p);
            int r = l.regionAt(p);
            if (r >= 0 && !l.isNarrow(r)) {
                hovered = r;
                text = describe(model.regionSet().region(r)) + sectionText(model.regionSet().region(r), l.addressAt(p));
            } else if (bin >= 0) {
                Bin b = l.bin(bin);
                hovered = b.firstRegion();
                text = b.regionCount() == 1 ? describe(model.regionSet().region(b.firstRegion()))
                        : b.regionCount() + " regions in this pixel, " + ByteSize.format(b.bytes()) + ", mostly "
                        + b.perms().rwx() + " " + b.kind().displayName() + "\nfrom "
                        + model.regionSet().region(b.firstRegion()).rangeText() + "\nzoom in to see them one by one";
            } else if (r >= 0) {
                hovered = r;
                text = describe(model.regionSet().region(r));
            } else {
                int gap = l.gapAt(p);
                if (gap >= 0) {
                    text = Long.toHexString(l.gapFirst(gap)) + "-" + Long.toHexString(l.gapLast(gap) + 1) + "\n"
                            + l.gapLabel(gap) + holeText(l.gapFirst(gap));
                }
            }
        }
        hoverText.set(text);
        if (text.isEmpty()) {
            if (tooltip != null) {
                tooltip.hide();
            }
        } else {
            Tooltip tip = tooltip();
            tip.setText(text);
            if (!tip.isShowing()) {
                tip.show(canvas, sx + 14, sy + 14);
            } else {
                tip.setAnchorX(sx + 14);
                tip.setAnchorY(sy + 14);
            }
        }
        if (before != hovered) {
            repaint();
        }
    }

    private void clearHover() {
        hoverText.set("");
        if (tooltip != null) {
            tooltip.hide();
        }
        if (hovered != -1) {
            hovered = -1;
            repaint();
        }
    }

    /** For a free hole of the user half: the largest hole, and which new mmaps would land here. */
    private String holeText(long address) {
        if (freeCache == null || freeCacheSet != model.regionSet()) {
            freeCacheSet = model.regionSet();
            freeCache = FreeSpace.of(freeCacheSet);
        }
        FreeSpace f = freeCache;
        FreeSpace.Hole largest = f.largest();
        if (largest == null || Long.compareUnsigned(address, f.userTop()) >= 0 || Long.compareUnsigned(address, FreeSpace.MIN_ADDR) < 0) {
            return "";
        }
        boolean isLargest = Long.compareUnsigned(address, largest.start()) >= 0 && Long.compareUnsigned(address, largest.end()) < 0;
        String text = isLargest ? "\nthe largest free hole of the user half"
                : "\nlargest free hole of the user half: " + ByteSize.format(largest.size()) + " at "
                + Long.toHexString(largest.start());
        long[] sizes = f.mmapSizesLandingIn(address);
        return text + (sizes == null ? "\na new mmap does not go here (the kernel searches down from "
                + Long.toHexString(f.mmapTop()) + ")"
                : "\na new mmap of " + (sizes[0] == 0 ? "up to " : "more than " + ByteSize.format(sizes[0]) + " and up to ")
                + ByteSize.format(sizes[1]) + " goes here (the kernel's top-down search)");
    }

    /** The tooltip's lines: range, size, perms, kind, path, RSS/PSS, and the latest change. */
    private String describe(Region r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.rangeText()).append('\n');
        sb.append(ByteSize.format(r.size())).append("  ").append(r.perms()).append("  ").append(r.kind().displayName());
        if (!r.label().isEmpty()) {
            sb.append(" — ").append(r.label());
        }
        sb.append('\n').append(r.path().isEmpty() ? "(anonymous)" : r.path());
        if (r.smaps() != null) {
            sb.append("\nRSS ").append(ByteSize.format(r.rss())).append("  PSS ").append(ByteSize.format(r.pss()));
        }
        Highlights h = session.highlightsProperty().get();
        RegionChange c = h.changeOf(r, System.nanoTime());
        if (c != null) {
            sb.append("\n").append(c.word()).append(" at the last refresh");
        }
        return sb.toString();
    }

    /** The ELF section under the mouse, as a tooltip line; "" where none is known. */
    private String sectionText(Region r, long address) {
        for (PlacedSection s : sections.in(r)) {
            if (Long.compareUnsigned(address, s.start()) >= 0 && Long.compareUnsigned(address, s.end()) < 0) {
                return "\nsection " + s.name() + (s.nobits() ? " (zero-filled, not in the file)" : "");
            }
        }
        return "";
    }

    private void click(double x, double y, int count) {
        RibbonGeometry g = geometry();
        RibbonLayout l = model.getLayout();
        double p = g.p(y);
        if (p < 0 || p > l.lengthPx() || !g.onRibbon(x)) {
            return;
        }
        int r = l.regionAt(p);
        if (r < 0) {
            int bin = l.binAt(p);
            r = bin >= 0 ? l.bin(bin).firstRegion() : -1;
        }
        if (r < 0) {
            return;
        }
        Region region = model.regionSet().region(r);
        session.selectedProperty().set(region);
        if (count >= 2) {
            model.zoomTo(region);
        }
    }

    /**
     * The ribbon's keys: + and − zoom, arrows and page keys pan, Home shows all, Enter zooms to
     * the selection. Returns whether the key was one of them (done); modified keys never are.
     */
    public boolean key(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.isMetaDown()) {
            return false;
        }
        KeyCode c = e.getCode();
        String ch = e.getText();
        if (c == KeyCode.PLUS || c == KeyCode.ADD || c == KeyCode.EQUALS || "+".equals(ch)) {
            zoomIn();
        } else if (c == KeyCode.MINUS || c == KeyCode.SUBTRACT || "-".equals(ch)) {
            zoomOut();
        } else if (c == KeyCode.UP) {
            panBy(0.15);
        } else if (c == KeyCode.DOWN) {
            panBy(-0.15);
        } else if (c == KeyCode.PAGE_UP) {
            panBy(0.9);
        } else if (c == KeyCode.PAGE_DOWN) {
            panBy(-0.9);
        } else if (c == KeyCode.HOME || c == KeyCode.DIGIT0) {
            model.reset();
        } else if (c == KeyCode.ENTER && session.selectedProperty().get() != null) {
            model.zoomTo(session.selectedProperty().get());
        } else {
            return false;
        }
        return true;
    }

    private Node controls() {
        ToggleGroup scaleGroup = new ToggleGroup();
        ToggleButton log = new ToggleButton("log");
        log.setId("scaleLog");
        ToggleButton linear = new ToggleButton("linear");
        linear.setId("scaleLinear");
        log.setToggleGroup(scaleGroup);
        linear.setToggleGroup(scaleGroup);
        log.setSelected(model.scaleProperty().get() == Scale.LOG);
        linear.setSelected(model.scaleProperty().get() == Scale.LINEAR);
        Tips.install(log, "Log scale: a 4 KiB guard page stays visible next to a 1 GiB heap");
        Tips.install(linear, "True scale: the mapped space is a sliver of the 128 TiB user half");
        scaleGroup.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true);
            } else {
                model.scaleProperty().set(t == linear ? Scale.LINEAR : Scale.LOG);
            }
        });
        model.scaleProperty().addListener((o, a, s) -> (s == Scale.LINEAR ? linear : log).setSelected(true));
        Button in = new Button("+");
        in.setId("zoomIn");
        in.setOnAction(e -> zoomIn());
        Button out = new Button("−");
        out.setId("zoomOut");
        out.setOnAction(e -> zoomOut());
        Button all = new Button("all");
        all.setId("zoomAll");
        Tips.install(all, "Show the whole 64-bit space (Home)");
        all.setOnAction(e -> model.reset());
        status.setId("ribbonStatus");
        status.getStyleClass().add("text-muted");
        for (var b : List.of(log, linear, in, out, all)) {
            b.getStyleClass().add(Styles.SMALL);
        }
        HBox buttons = new HBox(4, log, linear, in, out, all);
        buttons.setAlignment(Pos.CENTER_LEFT);
        for (var b : buttons.getChildren()) {
            ((Control) b).setMinWidth(Control.USE_PREF_SIZE);
        }
        // the range on a line of its own: zoomed in, its long addresses would take the buttons' room
        status.setWrapText(true);
        VBox box = new VBox(2, buttons, status);
        box.setPadding(new Insets(4));
        return box;
    }

    private Node legend() {
        FlowPane box = new FlowPane(10, 3);
        box.setId("ribbonLegend");
        box.setPadding(new Insets(4));
        List<RibbonPalette.Entry> entries = RibbonPalette.current(dark.get()).legend();
        for (int i = 0; i < entries.size(); i++) {
            RibbonPalette.Entry e = entries.get(i);
            int at = i;
            Label l = new Label(e.perms() + " " + e.meaning());
            Rectangle swatch = new Rectangle(12, 12);
            // the swatches in the colours the ribbon paints with, light or dark
            swatch.fillProperty().bind(Bindings.createObjectBinding(
                    () -> RibbonPalette.current(dark.get()).legend().get(at).color(), dark));
            l.setGraphic(swatch);
            if (e.perms().equals("rwx")) {
                l.setStyle("-fx-text-fill: #d1242f; -fx-font-weight: bold;");
            }
            box.getChildren().add(l);
        }
        for (RibbonPalette.KindGroup k : RibbonPalette.KindGroup.values()) {
            Label l = new Label(k.word());
            l.setGraphic(new Rectangle(5, 12, k.color()));
            l.getStyleClass().add("text-muted");
            box.getChildren().add(l);
        }
        Label hint = new Label("edge strip = kind · wheel/+/− zoom · drag/↑↓ pan · double-click zooms to a region");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setPadding(new Insets(0, 4, 4, 4));
        // the hint below the flow, not in it: a flow is at least as wide as its widest child's
        // one-line width, and the hint on one line would widen the ribbon past its split pane's room
        box.setPrefWrapLength(200);
        return new VBox(box, hint);
    }
}
