// tst_context_meter.qml: ContextMeter shows tokens used out of the context, and for a long prompt the engine's
// estimate of its memory and reading time (minutes, seconds, memory only before a speed was measured, too big).
import QtQuick
import QtTest
import Lectern

Item {
    id: root
    width: 600
    height: 100

    Component {
        id: meterComponent
        ContextMeter {}
    }

    TestCase {
        name: "ContextMeter"
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

        function gib(n) { return n * 1024 * 1024 * 1024; }

        function test_usedOutOfLimit() {
            const meter = createTemporaryObject(meterComponent, root, {used: 1000, limit: 2000});
            verify(meter);
            compare(meter.fraction, 0.5);
            verify(!meter.nearLimit);
            meter.used = 2100;
            verify(meter.overLimit);
            compare(meter.estimateText, "");
            verify(!findByName(meter, "promptEstimateLabel").visible);
        }

        function test_longPromptEstimate() {
            const meter = createTemporaryObject(meterComponent, root, {used: 30000, limit: 262144});
            verify(meter);
            const estimate = {tokens: 30000, bytesNeeded: gib(1.4), bytesAvailable: gib(8), fitsMemory: true,
                              seconds: 180, error: ""};
            meter.estimate = estimate;
            compare(meter.estimateText, "");  // not shown until the prompt is long
            meter.showEstimate = true;
            compare(meter.estimateText, "≈ 3 min to read, 1.4 GiB");
            verify(findByName(meter, "promptEstimateLabel").visible);
            verify(meter.Accessible.name.indexOf("≈ 3 min to read") >= 0);

            meter.estimate = {tokens: 9000, bytesNeeded: gib(12), bytesAvailable: gib(8), fitsMemory: false,
                              seconds: 20.4, error: ""};
            compare(meter.estimateText, "≈ 20 s to read, 12 GiB: more than the device has");
            verify(meter.tooBigForMemory);

            meter.estimate = {tokens: 9000, bytesNeeded: gib(0.5), bytesAvailable: 0, fitsMemory: true, seconds: 0,
                              error: ""};
            compare(meter.estimateText, "needs 0.5 GiB");

            meter.estimate = {tokens: 9000, error: "Cannot estimate the prompt: no"};
            compare(meter.estimateText, "");
            meter.estimate = ({});
            compare(meter.estimateText, "");
        }
    }
}
