// tst_extract_view.qml: the Extract view shows its controls (template picker with the built-in templates and a custom
// entry, schema editor, queue, Start / Pause / Cancel, results table, export), checks the schema as it is typed, and
// says that extraction needs the database when there is none (no controller instance: no database); no QML warnings.
import QtQuick
import QtTest
import Lectern

Item {
    id: root
    width: 1000
    height: 640

    Component {
        id: viewComponent
        ExtractView {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "ExtractView"
        when: windowShown

        function init() {
            failOnWarning(/.*/);
        }

        function findByName(item, name) {
            if (item.objectName === name)
                return item;
            const children = item.children;
            for (let i = 0; i < children.length; ++i) {
                const found = findByName(children[i], name);
                if (found)
                    return found;
            }
            if (item.contentItem && item.contentItem !== item) {
                const found = findByName(item.contentItem, name);
                if (found)
                    return found;
            }
            return null;
        }

        function test_controls() {
            const view = createTemporaryObject(viewComponent, root);
            verify(view);
            const picker = findByName(view, "templatePicker");
            verify(picker);
            compare(picker.count, ExtractionController.templates.length + 1);
            verify(ExtractionController.templates.length >= 5);
            compare(picker.currentText, ExtractionController.templates[0].title);
            for (const name of ["schemaEditor", "schemaProblemLabel", "extractQueue", "extractAddButton",
                                "extractStartButton", "extractPauseButton", "extractCancelButton",
                                "extractResultsTable", "extractResultsHeader", "extractRerunButton",
                                "extractExportCsvButton", "extractExportJsonButton"])
                verify(findByName(view, name), name);
            compare(findByName(view, "schemaEditor").text, ExtractionController.schemaText);
            compare(findByName(view, "schemaProblemLabel").text, "Schema OK");
            // Without a database nothing can run, and the view says why.
            verify(!findByName(view, "extractStartButton").enabled);
            verify(!findByName(view, "extractPauseButton").enabled);
            verify(!findByName(view, "extractExportCsvButton").enabled);
            const error = findByName(view, "extractErrorLabel");
            verify(error.visible);
            verify(error.text.indexOf("database") >= 0, error.text);
        }

        function test_schema_checked_while_typing() {
            const view = createTemporaryObject(viewComponent, root);
            const editor = findByName(view, "schemaEditor");
            const picker = findByName(view, "templatePicker");
            editor.text = "{\"type\": \"string\"}";
            verify(!ExtractionController.schemaValid);
            const problem = findByName(view, "schemaProblemLabel");
            compare(problem.text, ExtractionController.schemaProblem);
            verify(problem.text.length > 0);
            verify(problem.text !== "Schema OK");
            // An edited schema is a custom one.
            compare(ExtractionController.templateName, "");
            compare(picker.currentIndex, picker.count - 1);
            // Choosing a template again makes it valid.
            ExtractionController.useTemplate(ExtractionController.templates[1].name);
            compare(editor.text, ExtractionController.schemaText);
            verify(ExtractionController.schemaValid);
            compare(picker.currentIndex, 1);
            compare(problem.text, "Schema OK");
        }
    }
}
