// tst_reasoning_block.qml: ReasoningBlock is collapsed by default, says how long the model thought, and opens and
// closes by mouse and keyboard.
import QtQuick
import QtTest
import Lectern

Item {
    id: root
    width: 400
    height: 300

    Component {
        id: blockComponent
        ReasoningBlock {
            width: 360
        }
    }

    TestCase {
        name: "ReasoningBlock"
        when: windowShown

        function findByName(item, name) {
            if (item.objectName === name)
                return item;
            for (let i = 0; i < item.children.length; ++i) {
                const found = findByName(item.children[i], name);
                if (found)
                    return found;
            }
            return null;
        }

        function test_collapsedByDefaultWithDuration() {
            const block = createTemporaryObject(blockComponent, root, {text: "Step 1. Step 2.", seconds: 12});
            verify(block);
            compare(block.expanded, false);
            compare(block.title, "Thought for 12 s");
            const body = findByName(block, "reasoningText");
            verify(body);
            compare(body.visible, false);
            const toggle = findByName(block, "reasoningToggle");
            compare(toggle.Accessible.name, "Thought for 12 s");
        }

        function test_titleWhileThinkingAndWithoutDuration() {
            const block = createTemporaryObject(blockComponent, root, {text: "…", streaming: true});
            compare(block.title, "Thinking…");
            block.streaming = false;
            compare(block.title, "Reasoning");
            block.seconds = 1;
            compare(block.title, "Thought for 1 s");
        }

        function test_opensByClickAndKeyboard() {
            const block = createTemporaryObject(blockComponent, root, {text: "Because.", seconds: 3});
            const toggle = findByName(block, "reasoningToggle");
            const body = findByName(block, "reasoningText");
            mouseClick(toggle);
            compare(block.expanded, true);
            compare(body.visible, true);
            compare(body.text, "Because.");
            toggle.forceActiveFocus();
            keyClick(Qt.Key_Space);
            compare(block.expanded, false);
            compare(body.visible, false);
        }
    }
}
