import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// Manager: closing the business day. The day's figures so far, the close (refused while
// visits still owe money, unless forced with a reason), and the Z report it answers with.
Item {
    id: page
    objectName: "dayClosePage"
    readonly property var day: kitchen.day
    Component.onCompleted: day.load()

    component Row2: RowLayout {
        property alias label: l.text
        property alias value: v.text
        property bool strong: false
        property string valueName: ""
        Layout.fillWidth: true
        Text { id: l; textFormat: Text.PlainText; color: strong ? Theme.kText : Theme.kTextMuted; font.pixelSize: strong ? Theme.title : Theme.body; font.weight: strong ? Font.Bold : Font.Normal; Layout.fillWidth: true }
        Text { id: v; objectName: parent.valueName; textFormat: Text.PlainText; color: Theme.kText; font.pixelSize: strong ? Theme.title : Theme.body; font.weight: Font.Bold }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12

        // The Z report
        Rectangle {
            objectName: "zReport"
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: 16
            color: Theme.kPanel
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 18
                spacing: 8
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 10
                    TouchButton { objectName: "dayPrev"; variant: "dark"; text: "◀"; onClicked: page.day.shiftDays(-1) }
                    Text { objectName: "dayDate"; textFormat: Text.PlainText; text: page.day.dateText; color: Theme.kText; font.pixelSize: Theme.headline; font.weight: Font.Bold }
                    TouchButton { objectName: "dayNext"; variant: "dark"; text: "▶"; enabled: page.day.canGoForward; onClicked: page.day.shiftDays(1) }
                    Item { Layout.fillWidth: true }
                    Pill {
                        objectName: "dayStatus"
                        text: page.day.closed ? qsTr("Closed") : qsTr("Open (running figures)")
                        tint: page.day.closed ? Theme.kDone : Theme.kPreparing
                        textColor: "#101214"
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    visible: page.day.closed
                    text: qsTr("Z report · closed %1 by %2").arg(page.day.figures.closedAtText).arg(page.day.figures.closedBy)
                          + (page.day.figures.forcedReason.length > 0 ? "\n" + qsTr("Closed with visits unpaid: %1").arg(page.day.figures.forcedReason) : "")
                    color: Theme.kTextMuted
                    font.pixelSize: Theme.small + 2
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    spacing: 24
                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1 // the two columns share the width equally
                        Layout.alignment: Qt.AlignTop
                        spacing: 6
                        Row2 { label: qsTr("Orders"); value: page.day.figures.orders + " · " + page.day.figures.visits; valueName: "zOrders" }
                        Row2 { label: qsTr("Gross sales"); value: page.day.figures.gross; valueName: "zGross" }
                        Row2 { label: qsTr("Voids"); value: page.day.figures.voids; valueName: "zVoids" }
                        Row2 { label: qsTr("Discounts"); value: page.day.figures.discounts; valueName: "zDiscounts" }
                        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.kLine }
                        Row2 { label: qsTr("Net sales"); value: page.day.figures.net; strong: true; valueName: "zNet" }
                        Row2 { label: qsTr("Paid"); value: page.day.figures.paid; valueName: "zPaid" }
                        Row2 { label: qsTr("Unpaid"); value: page.day.figures.due; valueName: "zDue" }
                        Item { Layout.preferredHeight: 6 }
                        Text { textFormat: Text.PlainText; text: qsTr("Payments by method"); color: Theme.kText; font.pixelSize: Theme.body; font.weight: Font.Bold }
                        Repeater {
                            model: page.day.methods
                            delegate: Row2 { label: modelData.label; value: modelData.amountText; valueName: "zMethod-" + modelData.method }
                        }
                        Item { Layout.preferredHeight: 6 }
                        Row2 { label: qsTr("Staff calls"); value: page.day.figures.calls; valueName: "zCalls" }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.fillHeight: true
                        spacing: 6
                        Text { textFormat: Text.PlainText; text: qsTr("Items sold"); color: Theme.kText; font.pixelSize: Theme.body; font.weight: Font.Bold }
                        ListView {
                            id: itemList
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            clip: true
                            model: page.day.items
                            delegate: RowLayout {
                                width: itemList.width
                                height: 32
                                Text { textFormat: Text.PlainText; text: modelData.name; color: Theme.kText; font.pixelSize: Theme.small + 2; elide: Text.ElideRight; Layout.fillWidth: true }
                                Text { textFormat: Text.PlainText; text: qsTr("× %1").arg(modelData.quantity); color: Theme.kTextMuted; font.pixelSize: Theme.small + 2; Layout.preferredWidth: 56; horizontalAlignment: Text.AlignRight }
                                Text { textFormat: Text.PlainText; text: modelData.amountText; color: Theme.kText; font.pixelSize: Theme.small + 2; Layout.preferredWidth: 120; horizontalAlignment: Text.AlignRight }
                            }
                            Text { anchors.centerIn: parent; visible: itemList.count === 0; textFormat: Text.PlainText; text: qsTr("Nothing sold"); color: Theme.kTextMuted; font.pixelSize: Theme.body }
                        }
                    }
                }
            }
        }

        // Open visits and the close
        Rectangle {
            Layout.preferredWidth: 420
            Layout.fillHeight: true
            radius: 16
            color: Theme.kPanel
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 18
                spacing: 12
                Text { textFormat: Text.PlainText; text: qsTr("Visits still open"); color: Theme.kText; font.pixelSize: Theme.title; font.weight: Font.Bold }
                ListView {
                    id: visitList
                    objectName: "openVisits"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(contentHeight, 280)
                    clip: true
                    spacing: 6
                    model: page.day.openVisits
                    delegate: Rectangle {
                        objectName: "openVisit-" + modelData.tableNumber
                        width: visitList.width
                        height: 48
                        radius: 10
                        color: Theme.kCard
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: 14
                            anchors.rightMargin: 14
                            Text { textFormat: Text.PlainText; text: qsTr("Table %1").arg(modelData.tableNumber); color: Theme.kText; font.pixelSize: Theme.body; font.weight: Font.Bold; Layout.fillWidth: true }
                            Text { textFormat: Text.PlainText; text: qsTr("due %1").arg(modelData.dueText); color: Theme.kLate; font.pixelSize: Theme.body }
                        }
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    visible: visitList.count === 0
                    text: qsTr("None")
                    color: Theme.kTextMuted
                    font.pixelSize: Theme.body
                }
                Text {
                    objectName: "dayRefused"
                    textFormat: Text.PlainText
                    visible: page.day.refused && !page.day.closed
                    text: qsTr("Not closed: these visits still owe money. Take their payments, or close the day anyway with a reason (it stays in the report).")
                    color: Theme.kVeryLate
                    font.pixelSize: Theme.body
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                TextInputField {
                    id: forceReason
                    objectName: "dayForceReason"
                    visible: page.day.refused && !page.day.closed
                    Layout.fillWidth: true
                    dark: true
                    label: qsTr("Reason")
                    placeholder: qsTr("e.g. table 7 pays tomorrow")
                }
                Text {
                    textFormat: Text.PlainText
                    visible: page.day.error.length > 0
                    text: page.day.error
                    color: Theme.kVeryLate
                    font.pixelSize: Theme.body
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Item { Layout.fillHeight: true }
                TouchButton {
                    objectName: "closeDayButton"
                    visible: !page.day.closed && !page.day.refused
                    Layout.fillWidth: true
                    Layout.preferredHeight: 72
                    fontSize: Theme.title
                    variant: "danger"
                    enabled: page.day.loaded && !page.day.busy
                    text: qsTr("Close the day")
                    onClicked: page.day.close(false, "")
                }
                TouchButton {
                    objectName: "forceCloseDayButton"
                    visible: page.day.refused && !page.day.closed
                    Layout.fillWidth: true
                    Layout.preferredHeight: 72
                    fontSize: Theme.title
                    variant: "danger"
                    enabled: !page.day.busy && forceReason.text.trim().length > 0
                    text: qsTr("Close the day anyway")
                    onClicked: page.day.close(true, forceReason.text)
                }
                TouchButton { objectName: "dayRefresh"; Layout.fillWidth: true; variant: "dark"; text: qsTr("Refresh"); onClicked: page.day.load() }
            }
        }
    }
}
