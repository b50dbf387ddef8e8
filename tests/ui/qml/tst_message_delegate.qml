// tst_message_delegate.qml: MessageDelegate shows an answer's Markdown blocks, its reasoning (collapsed), tokens and
// tokens per second, and offers regenerate only on the last answer and edit only on questions; no QML warnings.
import QtQuick
import QtTest
import Lectern

Item {
    id: root
    width: 700
    height: 500

    ListModel {
        id: answerBlocks
        ListElement { markdown: "A **bold** start." }
        ListElement { markdown: "| a | b |\n|---|---|\n| 1 | 2 |" }
    }

    Component {
        id: delegateComponent
        MessageDelegate {
            width: 640
        }
    }

    TestCase {
        name: "MessageDelegate"
        when: windowShown

        function init() {
            failOnWarning(/.*/);
        }

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

        function create(properties) {
            const base = {index: 1, messageId: 42, role: "assistant", content: "A **bold** start.", blocks: answerBlocks,
                          reasoning: "", reasoningSeconds: -1, generatedTokens: 20, tokensPerSecond: 8.5,
                          finishReason: "stop", streaming: false, error: ""};
            for (const key in properties)
                base[key] = properties[key];
            const item = createTemporaryObject(delegateComponent, root, base);
            verify(item);
            return item;
        }

        function test_answerShowsBlocksAndStatistics() {
            const answer = create({isLast: true, reasoning: "Let me think.", reasoningSeconds: 12});
            compare(findByName(answer, "messageStats").text, "20 tokens · 8.5 tokens/s");
            verify(findByName(answer, "messageStats").visible);
            verify(findByName(answer, "regenerateButton").visible);
            verify(!findByName(answer, "editButton").visible);
            const reasoning = findByName(answer, "reasoningBlock");
            verify(reasoning.visible);
            compare(reasoning.expanded, false);
            compare(reasoning.title, "Thought for 12 s");
            verify(answer.implicitHeight > 40);  // the two Markdown blocks take room
        }

        function test_onlyTheLastAnswerCanBeRegenerated() {
            const answer = create({isLast: false});
            verify(!findByName(answer, "regenerateButton").visible);
            verify(!findByName(answer, "reasoningBlock").visible);  // no reasoning, no block
        }

        function test_questionCanBeEditedNotRegenerated() {
            const question = create({role: "user", generatedTokens: -1, tokensPerSecond: -1, finishReason: "", isLast: false});
            verify(findByName(question, "editButton").visible);
            verify(!findByName(question, "regenerateButton").visible);
            verify(!findByName(question, "messageStats").visible);
            question.startEdit();
            compare(question.editing, true);
            compare(findByName(question, "editEditor").text, "A **bold** start.");
        }

        function test_streamingHidesActionsAndShowsErrors() {
            const streaming = create({streaming: true, generatedTokens: -1, tokensPerSecond: -1, finishReason: ""});
            verify(!findByName(streaming, "copyButton").visible);
            const failed = create({error: "No model is loaded.", generatedTokens: -1});
            verify(findByName(failed, "messageError").visible);
            compare(findByName(failed, "messageError").text, "No model is loaded.");
        }
    }
}
