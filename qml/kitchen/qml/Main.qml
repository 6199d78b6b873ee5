import QtQuick
import QtQuick.Controls
import QtQuick.Window
import TableOrder.Ui
import TableOrder.Kitchen

ApplicationWindow {
    id: window
    width: windowedWidth
    height: windowedHeight
    visible: true
    visibility: fullScreen ? Window.FullScreen : Window.Windowed
    title: qsTr("Kitchen display")
    color: Theme.kBackground

    Loader {
        anchors.fill: parent
        sourceComponent: kitchen.screen === Kitchen.Login ? loginComponent : boardComponent
    }
    Component { id: loginComponent; LoginScreen {} }
    Component { id: boardComponent; Shell {} }
}
