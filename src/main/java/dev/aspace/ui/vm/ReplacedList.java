package dev.aspace.ui.vm;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

import java.util.Collections;
import java.util.List;

/**
 * An observable list whose elements are only ever replaced all at once, by one change that copies
 * nothing: an observable array list's {@code setAll} records each of 60,000 rows as removed and
 * added, one at a time. Read-only to its listeners.
 *
 * @param <E> the elements
 */
public final class ReplacedList<E> extends ObservableListBase<E> {

    private List<E> items = List.of();

    /** Shows {@code next} instead (kept, not copied: nothing may change it afterwards). */
    public void replace(List<E> next) {
        List<E> before = items;
        items = next;
        if (!before.isEmpty() || !next.isEmpty()) {
            fireChange(new Whole<>(this, before));
        }
    }

    @Override
    public E get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** Everything before removed and everything now added, from index 0. */
    private static final class Whole<E> extends ListChangeListener.Change<E> {

        private final List<E> removed;
        private int step = -1;

        Whole(ObservableList<E> list, List<E> removed) {
            super(list);
            this.removed = Collections.unmodifiableList(removed);
        }

        @Override
        public boolean next() {
            step++;
            return step == 0;
        }

        @Override
        public void reset() {
            step = -1;
        }

        @Override
        public int getFrom() {
            atTheChange();
            return 0;
        }

        @Override
        public int getTo() {
            atTheChange();
            return getList().size();
        }

        @Override
        public List<E> getRemoved() {
            atTheChange();
            return removed;
        }

        @Override
        protected int[] getPermutation() {
            atTheChange();
            return new int[0];
        }

        private void atTheChange() {
            if (step != 0) {
                throw new IllegalStateException("call next() first: a change is read after next() returned true");
            }
        }
    }
}
