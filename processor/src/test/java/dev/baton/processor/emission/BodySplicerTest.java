package dev.baton.processor.emission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A body spliced into JavaPoet's output reads exactly as JavaPoet would have written it. */
class BodySplicerTest {
    private static final List<String> BODIES = List.of(
            "$loop: for (;;) {\n    switch ($m.$state) {\n        case 0: {\n        }\n    }\n}\n",
            "return 1;",
            "int a = 0;\n\n\nreturn a;\n",
            "\nint b = 1;\nreturn b;\n",
            "int c = 2;\r\nreturn c;\r\n",
            "String s = \"$1 $L $$ \\u0041\";\n  return s; // odd indent kept\n",
            "");

    @Test
    void splicedBodiesMatchJavaPoetsOwnOutput() {
        String direct = source(body -> body);
        BodySplicer splicer = new BodySplicer();
        String spliced = splicer.splice(source(splicer::hold));
        assertEquals(direct, spliced);
    }

    @Test
    void aClassWithoutBodiesIsLeftAlone() {
        String source = JavaFile.builder("p", TypeSpec.classBuilder("X").build()).build().toString();
        assertEquals(source, new BodySplicer().splice(source));
    }

    /** A class with a method per body, and a nested class with one more, each body given as {@code $L}. */
    private static String source(UnaryOperator<String> body) {
        TypeSpec.Builder type = TypeSpec.classBuilder("Outer");
        for (int i = 0; i < BODIES.size(); i++) {
            type.addMethod(MethodSpec.methodBuilder("m" + i)
                    .returns(Object.class)
                    .addCode(CodeBlock.of("$L", body.apply(BODIES.get(i))))
                    .build());
        }
        type.addType(TypeSpec.classBuilder("Inner")
                .addMethod(MethodSpec.methodBuilder("n")
                        .addCode(CodeBlock.of("$L", body.apply(BODIES.get(0))))
                        .build())
                .build());
        return JavaFile.builder("p", type.build()).indent("    ").build().toString();
    }
}
