package dev.aspace.ui.files;

import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.Toolkit;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

import java.util.Set;

/**
 * The peer behind a drop's Dragboard as the toolkit gives it to a scene: JavaFX's own local
 * clipboard for the content, plus the transfer modes the drag source offers (the local clipboard
 * has none: it is made for copy and paste, not for dragging).
 */
final class DropClipboard implements TKClipboard {

    private final TKClipboard content = Toolkit.getToolkit().createLocalClipboard();

    @Override
    @SuppressWarnings("removal")
    public void setSecurityContext(java.security.AccessControlContext ctx) {
        content.setSecurityContext(ctx);
    }

    @Override
    public Set<DataFormat> getContentTypes() {
        return content.getContentTypes();
    }

    @Override
    @SafeVarargs
    public final boolean putContent(Pair<DataFormat, Object>... pairs) {
        return content.putContent(pairs);
    }

    @Override
    public Object getContent(DataFormat format) {
        return content.getContent(format);
    }

    @Override
    public boolean hasContent(DataFormat format) {
        return content.hasContent(format);
    }

    @Override
    public Set<TransferMode> getTransferModes() {
        return Set.of(TransferMode.COPY, TransferMode.LINK); // what a file manager offers for files
    }

    @Override
    public void setDragView(Image image) {
        content.setDragView(image);
    }

    @Override
    public void setDragViewOffsetX(double offsetX) {
        content.setDragViewOffsetX(offsetX);
    }

    @Override
    public void setDragViewOffsetY(double offsetY) {
        content.setDragViewOffsetY(offsetY);
    }

    @Override
    public Image getDragView() {
        return content.getDragView();
    }

    @Override
    public double getDragViewOffsetX() {
        return content.getDragViewOffsetX();
    }

    @Override
    public double getDragViewOffsetY() {
        return content.getDragViewOffsetY();
    }
}
