package dev.baton.processor.model;

import com.sun.source.tree.CompilationUnitTree;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A template class read into plain data: what the generated {@code Baton_X} is made from.
 *
 * @param element the template class
 * @param packageName its package ("" for the unnamed package)
 * @param generatedName the simple name of the generated class ({@code Baton_Outer_Inner})
 * @param unit the template's compilation unit (null when the source is not available)
 * @param imports the template file's import declarations, as written, in order
 * @param constructors the constructors the generated class mirrors
 * @param methods the annotated methods, in source order
 */
public record TemplateClass(
        TypeElement element,
        String packageName,
        String generatedName,
        CompilationUnitTree unit,
        List<String> imports,
        List<ExecutableElement> constructors,
        List<TemplateMethod> methods) {}
