import QtQuick
import QtQuick.Controls
import QtQuick.Window
import TableOrder.Ui
import TableOrder.Tablet

ApplicationWindow {
    id: window
    width: windowedWidth
    height: windowedHeight
    visible: true
    visibility: fullScreen ? Window.FullScreen : Window.Windowed
    title: qsTr("Table order")
    color: Theme.background

    readonly property bool portrait: height > width

    Loader {
        anchors.fill: parent
        sourceComponent: tablet.screen === Tablet.Setup ? setupComponent : menuComponent
    }
    Component { id: setupComponent; SetupScreen {} }
    Component { id: menuComponent; MenuScreen { portrait: window.portrait } }
}
