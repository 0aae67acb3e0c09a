package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/joblist"
)

// exportButton is the Export for… button of a finished job with a motion
// output (the one Preview plays), or nil.
func (v *JobsView) exportButton(row *joblist.Row) fyne.CanvasObject {
	o, ok := previewOutput(row)
	if !ok {
		return nil
	}
	jobID, name := row.JobID, row.Name
	return &widget.Button{Text: "Export for…", Icon: theme.DocumentSaveIcon(), OnTapped: func() {
		v.withMotionFile(jobID, o, "to export it", func(path string) { v.ui.exportMotion([]string{path}, name, v.ui.win) })
	}}
}
