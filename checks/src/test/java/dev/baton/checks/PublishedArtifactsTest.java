package dev.baton.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What {@code mvn install} publishes agrees with the BOM and carries the metadata users and
 * Maven Central need: every module either is published and listed in {@code baton-bom}, or
 * skips install and deploy; the BOM (which has no parent) repeats the parent's version and
 * metadata; and the processor's "please report it" names the POMs' issue tracker.
 */
class PublishedArtifactsTest {

    @Test
    void everyPublishedModuleIsInTheBomAndNoOtherIs() throws Exception {
        Document parent = pom("pom.xml");
        String version = text(parent.getDocumentElement(), "version");
        Map<String, Boolean> published = new TreeMap<>();
        for (String module : texts(child(parent.getDocumentElement(), "modules"), "module")) {
            Element pom = pom(module + "/pom.xml").getDocumentElement();
            String artifact = text(pom, "artifactId");
            Element properties = child(pom, "properties");
            boolean skips = properties != null && "true".equals(text(properties, "maven.install.skip"));
            boolean deploySkips = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
            assertEquals(skips, deploySkips, artifact + ": installed but not deployed, or the reverse");
            published.put(artifact, !skips);
        }
        Element bom = pom("bom/pom.xml").getDocumentElement();
        assertEquals(version, text(bom, "version"), "baton-bom's version follows the parent's");
        TreeSet<String> listed = new TreeSet<>();
        for (Element dependency : elements(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            assertEquals("dev.baton", text(dependency, "groupId"));
            assertEquals("${project.version}", text(dependency, "version"), text(dependency, "artifactId"));
            listed.add(text(dependency, "artifactId"));
        }
        TreeSet<String> expected = new TreeSet<>();
        published.forEach((artifact, isPublished) -> {
            if (isPublished && !artifact.equals("baton-bom")) {
                expected.add(artifact);
            }
        });
        assertEquals(expected, listed, "the BOM lists exactly the published modules (the others set"
                + " maven.install.skip and maven.deploy.skip); modules: " + published);
        assertTrue(published.get("baton-bom"), "the BOM is published");
    }

    @Test
    void everyPublishedJarNamesItsModule() throws Exception {
        Element parent = pom("pom.xml").getDocumentElement();
        for (String module : texts(child(parent, "modules"), "module")) {
            Element pom = pom(module + "/pom.xml").getDocumentElement();
            Element properties = child(pom, "properties");
            boolean published = properties == null || !"true".equals(text(properties, "maven.install.skip"));
            if (!published || "pom".equals(text(pom, "packaging"))) {
                continue;
            }
            boolean descriptor = Files.exists(Repository.file(module + "/src/main/java/module-info.java"));
            boolean automatic = Files.readString(Repository.file(module + "/pom.xml"))
                    .matches("(?s).*<Automatic-Module-Name>dev\\.baton\\.[a-z.]+</Automatic-Module-Name>.*");
            assertTrue(descriptor || automatic, module + ": a module-info.java, or an Automatic-Module-Name"
                    + " dev.baton.* in its jar's manifest (a modular build warns on file-name modules)");
        }
    }

    @Test
    void theBomRepeatsTheParentsMetadata() throws Exception {
        Element parent = pom("pom.xml").getDocumentElement();
        Element bom = pom("bom/pom.xml").getDocumentElement();
        for (String path : List.of("url", "licenses/license/name", "licenses/license/url", "scm/connection",
                "scm/developerConnection", "scm/url", "issueManagement/url", "developers/developer/name",
                "properties/project.build.outputTimestamp")) {
            String expected = at(parent, path);
            assertTrue(expected != null && !expected.isBlank(), "the parent POM has " + path);
            assertEquals(expected, at(bom, path), path);
        }
        assertEquals("Apache-2.0", at(parent, "licenses/license/name"));
        assertTrue(Files.readString(Repository.file("LICENSE")).contains("Apache License"));
        assertTrue(Files.readString(Repository.file("LICENSE")).contains("Version 2.0, January 2004"));
    }

    @Test
    void internalErrorsAreReportedToTheIssueTracker() throws Exception {
        Field issues = Class.forName("dev.baton.processor.BatonProcessor").getDeclaredField("ISSUES");
        issues.setAccessible(true);
        assertEquals(at(pom("pom.xml").getDocumentElement(), "issueManagement/url"), issues.get(null));
    }

    private static Document pom(String relative) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(Repository.file(relative).toFile());
    }

    /** The text at a path of child element names, or null. */
    private static String at(Element from, String path) {
        Element e = from;
        for (String name : path.split("/")) {
            e = e == null ? null : child(e, name);
        }
        return e == null ? null : e.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = elements(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static List<String> texts(Element parent, String name) {
        List<String> texts = new ArrayList<>();
        for (Element e : elements(parent, name)) {
            texts.add(e.getTextContent().trim());
        }
        return texts;
    }

    /** The direct children with that name. */
    private static List<Element> elements(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
                found.add((Element) n);
            }
        }
        return found;
    }
}
