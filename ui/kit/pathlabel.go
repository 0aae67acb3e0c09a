package kit

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// PathLabel shows a path shortened in the middle, at separators, to the
// width it is given ("/home/me/…/Singlecam/Backflip"), never cut mid-word
// and never wider than its container; hovering shows the whole path.
type PathLabel struct {
	widget.BaseWidget
	Full  string
	label *widget.Label
	tip   *widget.PopUp
}

// NewPathLabel shows path, shortened to the width it is given.
func NewPathLabel(path string) *PathLabel {
	p := &PathLabel{Full: path, label: widget.NewLabel(path)}
	p.label.Truncation = fyne.TextTruncateEllipsis // the last resort, for one very long name
	p.ExtendBaseWidget(p)
	return p
}

// SetPath shows another path.
func (p *PathLabel) SetPath(path string) {
	if path == p.Full {
		return
	}
	p.Full = path
	p.label.SetText(path)
	p.Resize(p.Size()) // shortened again to the width it has
}

// CreateRenderer draws the label.
func (p *PathLabel) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(p.label) }

// Resize shortens the path to the new width.
func (p *PathLabel) Resize(size fyne.Size) {
	p.BaseWidget.Resize(size)
	room := size.Width - 2*theme.InnerPadding()
	p.label.SetText(shortenPath(p.Full, func(s string) bool {
		return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width <= room
	}))
}

// Shown is the text on screen now.
func (p *PathLabel) Shown() string { return p.label.Text }

// MouseIn shows the whole path under the label.
func (p *PathLabel) MouseIn(*desktop.MouseEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil || p.label.Text == p.Full {
		return
	}
	text := widget.NewLabel(p.Full)
	text.Wrapping = fyne.TextWrapBreak
	p.tip = widget.NewPopUp(text, c)
	width := fyne.Min(c.Size().Width-16, fyne.Max(p.Size().Width, 320))
	p.tip.Resize(fyne.NewSize(width, text.MinSize().Height))
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p).AddXY(0, p.Size().Height)
	if pos.X+width > c.Size().Width {
		pos.X = c.Size().Width - width - 8
	}
	p.tip.ShowAtPosition(pos)
}

// MouseMoved does nothing: the tip stays while the pointer is over the path.
func (p *PathLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the whole path.
func (p *PathLabel) MouseOut() {
	if p.tip != nil {
		p.tip.Hide()
		p.tip = nil
	}
}

// shortenPath drops whole folders from the middle of a path until it fits:
// the first folder and as many of the last ones as there is room for, with
// "…" where the others were.
func shortenPath(path string, fits func(string) bool) string {
	if fits(path) {
		return path
	}
	sep := string(filepath.Separator)
	if strings.Contains(path, "/") && !strings.Contains(path, sep) {
		sep = "/"
	}
	parts := strings.Split(path, sep)
	n := len(parts)
	for tail := n - 1; tail >= 1; tail-- {
		for head := n - tail - 1; head >= 1; head-- {
			candidate := strings.Join(parts[:head], sep) + sep + "…" + sep + strings.Join(parts[n-tail:], sep)
			if head == 1 && parts[0] == "" { // a rooted path: keep its first folder
				if n-tail < 3 {
					continue
				}
				candidate = sep + parts[1] + sep + "…" + sep + strings.Join(parts[n-tail:], sep)
			}
			if fits(candidate) {
				return candidate
			}
		}
	}
	return "…" + sep + parts[n-1]
}
