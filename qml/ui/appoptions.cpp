#include "appoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tableorder::ui {

QUrl edgeUrlFromText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    QUrl url = QUrl::fromUserInput(trimmed.contains(u"://"_s) ? trimmed : u"http://"_s + trimmed);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    url.setPath({});
    return url;
}

AppOptions parseOptions(const QCoreApplication &app, const QString &description, int defaultWidth,
                        int defaultHeight)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    const QCommandLineOption edge(u"edge"_s, u"Edge daemon address, e.g. http://192.168.0.10:8080 "
                                             "(default: $TABLEORDER_EDGE_URL, then the saved one)."_s,
                                  u"url"_s);
    const QCommandLineOption fingerprint(
            u"edge-fingerprint"_s,
            u"SHA-256 fingerprint of an https edge's certificate (tableorder-edge tls fingerprint; "
            "default: $TABLEORDER_EDGE_FINGERPRINT)."_s,
            u"sha256"_s);
    const QCommandLineOption settings(u"settings"_s, u"Settings file (INI) instead of the platform's."_s,
                                      u"file"_s);
    const QCommandLineOption language(u"language"_s, u"ko, en, zh or ja (default: the saved choice, Korean)."_s,
                                      u"code"_s);
    const QCommandLineOption size(u"size"_s, u"Window size WIDTHxHEIGHT instead of full screen."_s,
                                  u"WxH"_s);
    const QCommandLineOption mute(u"mute"_s, u"No sounds."_s);
    parser.addOptions({edge, fingerprint, settings, language, size, mute});
    parser.process(app);

    AppOptions options;
    options.edgeUrl = edgeUrlFromText(parser.isSet(edge) ? parser.value(edge)
                                                         : qEnvironmentVariable("TABLEORDER_EDGE_URL"));
    options.edgeFingerprint = parser.isSet(fingerprint) ? parser.value(fingerprint)
                                                        : qEnvironmentVariable("TABLEORDER_EDGE_FINGERPRINT");
    options.settingsFile = parser.value(settings);
    options.language = parser.value(language);
    options.mute = parser.isSet(mute);
    options.width = defaultWidth;
    options.height = defaultHeight;
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split(u'x');
        if (parts.size() == 2 && parts[0].toInt() > 0 && parts[1].toInt() > 0) {
            options.windowed = true;
            options.width = parts[0].toInt();
            options.height = parts[1].toInt();
        }
    }
    return options;
}

} // namespace tableorder::ui
