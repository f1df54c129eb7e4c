package dev.aspace.ui.lab;

import dev.aspace.lab.AddressSpacesLab;
import dev.aspace.lab.LabStep;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verdict when the numbers measured cannot tell (a frame step without the privilege). */
class LabJudgeTest {

    @Test
    void aStepTheNumbersCannotJudgeSaysSoInsteadOfPickingAChoice() {
        LabStep libc = AddressSpacesLab.steps().get(8);
        assertEquals("9. The same libc, one copy in RAM", libc.title());
        String verdict = LabViewModel.judge(libc, 0, -1);
        assertTrue(verdict.startsWith("Not judged: "), verdict);
        assertEquals("You predicted it: " + libc.choices().get(0) + ".", LabViewModel.judge(libc, 0, 0));
    }
}
