package dev.aspace.lab;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One step of a guided lab: predict (a question with choices), act (one button), reveal (what
 * was measured now, and why).
 *
 * @param title       short heading
 * @param setup       one or two lines that set the scene
 * @param question    the prediction asked before acting
 * @param choices     the possible answers
 * @param action      what the button does
 * @param rightChoice which choice the measurement bears out (computed from the numbers, never fixed), or -1
 *                    when the numbers that could be measured do not tell (frame numbers without the privilege)
 * @param reveal      the explanation with the numbers measured now
 */
public record LabStep(String title, String setup, String question, List<String> choices, LabAction action,
                      ToIntFunction<List<Measurement>> rightChoice, Function<List<Measurement>, String> reveal) {

    public LabStep {
        choices = List.copyOf(choices);
    }
}
