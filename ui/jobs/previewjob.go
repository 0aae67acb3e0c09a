package jobs

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"singlecam/core/engine"
	"singlecam/core/joblist"
	"singlecam/core/motion/load"
	"singlecam/core/outputs"
	"singlecam/core/ugc"
	"singlecam/ui/kit"
)

// previewOutput is the output of a finished job the player can show: a
// GLB first (one file, every actor), else a BVH or a ZIP of BVHs.
func previewOutput(row *joblist.Row) (ugc.Output, bool) {
	if row.Phase != joblist.Finished && row.Phase != joblist.Downloaded {
		return ugc.Output{}, false
	}
	best, found := ugc.Output{}, false
	for _, o := range row.Outputs {
		name := outputs.FileName(o)
		if !load.IsMotionFile(name) || (o.File.PresignedURL == "" && savedFile(row, o.Format) == nil) {
			continue
		}
		if !found || (strings.EqualFold(filepath.Ext(name), ".glb") && !strings.EqualFold(filepath.Ext(outputs.FileName(best)), ".glb")) {
			best, found = o, true
		}
	}
	return best, found
}

// motionButtons are a finished job's Preview, Apply to a character… and
// Export for…, all over the one motion output Preview plays (downloaded
// first when needed), or none when the job has no such output.
func (v *View) motionButtons(row *joblist.Row) []fyne.CanvasObject {
	o, ok := previewOutput(row)
	if !ok {
		return nil
	}
	jobID, name := row.JobID, row.Name
	title := name + " (" + outputs.FileName(o) + ")"
	button := func(text string, icon fyne.Resource, why string, use func(path string)) fyne.CanvasObject {
		return kit.NewButton(text, icon, func() { v.withMotionFile(jobID, o, why, use) })
	}
	return []fyne.CanvasObject{
		button("Preview", theme.MediaPlayIcon(), "to preview it", func(path string) { v.host.OpenMotion(path, title, name) }),
		button("Apply to a character…", theme.AccountIcon(), "to put it on a character",
			func(path string) { v.host.ApplyToCharacter(path, name) }),
		button("Export for…", theme.DocumentSaveIcon(), "to export it",
			func(path string) { v.host.ExportMotion([]string{path}, name) }),
	}
}

// withMotionFile calls use with the path of the job's output, downloading
// it first (through the engine, into the job's folder) when it is not saved
// yet; why ends the messages ("to preview it").
func (v *View) withMotionFile(jobID string, o ugc.Output, why string, use func(path string)) {
	if i := v.model.Index(jobID); i >= 0 {
		if saved := savedFile(v.model.At(i), o.Format); saved != nil {
			if _, err := os.Stat(saved.Path); err == nil {
				use(saved.Path)
				return
			}
		}
	}
	s := v.host.Engine()
	v.host.Say("Downloading " + outputs.FileName(o) + " " + why + "…")
	go func() {
		folder, files, err := s.Download(context.Background(), jobID, []string{o.Format})
		v.host.OnMain(func() {
			if v.host.Engine() != s {
				return
			}
			// The row leaves "Downloading" whatever came of it: the fetch
			// of one file is not the job's download.
			v.fetchedSome(jobID, folder, files)
			if err != nil {
				v.host.Say("The motion could not be downloaded " + why + ": " + engine.Explain(err))
				return
			}
			if len(files) == 0 {
				v.host.Say("Move no longer offers this file: refresh the list and try again.")
				return
			}
			use(files[0].Path)
		})
	}()
}

// fetchedSome shows that a download of some of a job's files ended: the
// row lists them and goes back to what its files say (see
// joblist.List.FetchedSome).
func (v *View) fetchedSome(jobID, folder string, files []outputs.Saved) {
	if key := v.model.FetchedSome(jobID, folder, files); key != "" {
		if i := v.model.Index(key); i >= 0 {
			v.List.RefreshItem(i)
		}
		if key == v.selected {
			v.ShowDetails()
		}
	}
}
