#include "DrawingPanel.h"

#include "Accessibility.h"
#include "Icons.h"
#include "drawing/BoardScene.h"
#include "drawing/BoardView.h"
#include "drawing/CssColor.h"
#include "drawing/StrokeLayerItem.h"
#include "model/Line.h"
#include "model/Uuid.h"
#include "net/LiveStrokeSender.h"
#include "net/ProtocolClient.h"

#include <QButtonGroup>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace chat {

namespace {
// Keeps a very long stroke well inside the 100000-character statement limit (docs/PROTOCOL.md section 8).
constexpr int maxPointsPerLine = 4000;
} // namespace

const QStringList &DrawingPanel::colors()
{
    static const QStringList palette {
        QStringLiteral("#000000"), QStringLiteral("#8d0e00"), QStringLiteral("#e02d25"),
        QStringLiteral("#2A2A2A"), QStringLiteral("#ad7100"), QStringLiteral("#fc9a00"),
        QStringLiteral("#555555"), QStringLiteral("#d7d700"), QStringLiteral("#ffff01"),
        QStringLiteral("#AAAAAA"), QStringLiteral("#3fff9c"), QStringLiteral("#03ad54"),
        QStringLiteral("#D5D5D5"), QStringLiteral("#4fadff"), QStringLiteral("#0167ca"),
        QStringLiteral("#ffffff"), QStringLiteral("#fd93ff"), QStringLiteral("#970199")};
    return palette;
}

DrawingPanel::DrawingPanel(ProtocolClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_scene(new BoardScene(client->drawing(), this))
    , m_view(new BoardView(m_scene, this))
    , m_live(new LiveStrokeSender(client, this))
{
    m_scene->setPreviews(client->livePreviews());
    connect(m_view, &BoardView::strokeStarted, this,
            [this](DrawingTool tool, const QColor &color) { m_live->begin(Uuid::create(), tool, color); });
    connect(m_view, &BoardView::strokeExtended, m_live, &LiveStrokeSender::extend);
    connect(m_view, &BoardView::strokeFinished, this, &DrawingPanel::sendStroke);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(makeTools(), 0, Qt::AlignTop);
    retranslate();
}

QToolButton *DrawingPanel::toolButton(const QString &icon)
{
    auto *button = new QToolButton(this);
    button->setIcon(Icons::get(icon));
    button->setIconSize({30, 30});
    return button;
}

void DrawingPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DrawingPanel::retranslate()
{
    const auto texts = [](QToolButton *button, const QString &name, const QString &tip) {
        button->setAccessibleName(name);
        button->setToolTip(tip);
    };
    texts(m_eraser, tr("Eraser"), tr("Eraser (E)"));
    texts(m_pen, tr("Pen"), tr("Pen (P)"));
    texts(m_clear, tr("Clear the board for everyone"), tr("Clear the board for everyone"));
    texts(m_save, tr("Export as PNG"), tr("Export the board as a PNG image"));
    for (int i = 0; i < m_swatches.size(); ++i)
        m_swatches.at(i)->setAccessibleName(Accessibility::colourName(colors().at(i)));
}

QWidget *DrawingPanel::makeTools()
{
    auto *tools = new QWidget(this);
    auto *eraser = m_eraser = toolButton(QStringLiteral("eraser"));
    auto *pen = m_pen = toolButton(QStringLiteral("pen"));
    auto *clear = m_clear = toolButton(QStringLiteral("trash"));
    auto *save = m_save = toolButton(QStringLiteral("save"));
    eraser->setCheckable(true);
    pen->setCheckable(true);
    Accessibility::setRole(pen, QAccessible::RadioButton);
    Accessibility::setRole(eraser, QAccessible::RadioButton);
    pen->setChecked(true);
    eraser->setShortcut(QKeySequence(Qt::Key_E));
    pen->setShortcut(QKeySequence(Qt::Key_P));
    auto *toolGroup = new QButtonGroup(tools);
    toolGroup->addButton(pen);
    toolGroup->addButton(eraser);
    connect(pen, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            m_view->setTool(DrawingTool::Pen);
    });
    connect(eraser, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            m_view->setTool(DrawingTool::Eraser);
    });
    connect(clear, &QToolButton::clicked, this, &DrawingPanel::clearForEveryone);
    connect(save, &QToolButton::clicked, this, &DrawingPanel::exportPng);

    auto *grid = new QGridLayout(tools);
    grid->setContentsMargins(8, 0, 0, 0);
    grid->setSpacing(6);
    grid->addWidget(eraser, 0, 0);
    grid->addWidget(pen, 0, 1);
    grid->addWidget(clear, 0, 2);
    auto *colorGroup = new QButtonGroup(tools);
    for (int i = 0; i < colors().size(); ++i) {
        const QString color = colors().at(i);
        auto *swatch = new QToolButton(tools);
        swatch->setObjectName(QStringLiteral("swatch"));
        swatch->setCheckable(true);
        Accessibility::setRole(swatch, QAccessible::RadioButton);
        swatch->setIcon(Icons::swatch(CssColor::parse(color), 26));
        swatch->setIconSize({26, 26});
        m_swatches.append(swatch);
        swatch->setToolTip(color);
        colorGroup->addButton(swatch);
        connect(swatch, &QToolButton::clicked, this, [this, color, pen] {
            m_view->setColor(CssColor::parse(color));
            pen->setChecked(true); // picking a colour means drawing with it
        });
        grid->addWidget(swatch, 1 + i / 3, i % 3);
    }
    grid->addWidget(save, 8, 0, 1, 3, Qt::AlignHCenter);
    return tools;
}

void DrawingPanel::sendStroke(QVector<QPointF> points, DrawingTool tool, const QColor &color)
{
    while (points.size() > maxPointsPerLine) {
        QVector<QPointF> fewer;
        for (qsizetype i = 0; i < points.size(); i += 2)
            fewer.append(points.at(i));
        fewer.append(points.last());
        points = fewer;
    }
    Line line;
    // The uuid the live previews announced, so that the final line replaces them.
    line.uuid = m_live->isActive() ? m_live->uuid() : Uuid::create();
    line.points = Line::toPointArray(points);
    line.tool = toolName(tool);
    line.color = CssColor::toText(color);
    // Shown at once; the server's draw_line_changed replaces it with the stored line.
    m_scene->layer()->addPending(line);
    if (!m_client->sendLine(line.uuid, line.points, line.color, line.tool))
        m_scene->layer()->removePending(line.uuid);
    m_live->finish(); // after change_draw_line, as docs/EXTENSIONS.md asks: draw_live with end:true
}

void DrawingPanel::clearForEveryone()
{
    QMessageBox box(QMessageBox::Question, tr("Clear the board"),
                    tr("Clear the drawing for everyone in this room?"), QMessageBox::Yes | QMessageBox::No,
                    this);
    box.setAccessibleName(tr("Clear the board"));
    box.setAccessibleDescription(box.text());
    // Its question-mark image is decoration with nothing to say but this.
    if (auto *icon = box.findChild<QLabel *>(QStringLiteral("qt_msgboxex_icon_label")))
        icon->setAccessibleName(tr("Question"));
    if (box.exec() == QMessageBox::Yes)
        m_client->resetDrawing();
}

void DrawingPanel::exportPng()
{
    const QString start =
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) + QStringLiteral("/drawing.png");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export drawing"), start, tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!m_scene->exportImage().save(path, "PNG"))
        QMessageBox::warning(this, tr("Export drawing"), tr("Could not write %1.").arg(path));
}

} // namespace chat
