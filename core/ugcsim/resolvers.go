package ugcsim

import (
	"context"

	"github.com/graph-gophers/graphql-go"
)

// resolver answers the schema's root Query and Mutation fields.
type resolver struct{ s *Simulator }

// view locks the store and returns a viewer for this request; call the
// returned unlock when done.
func (r *resolver) view(ctx context.Context) (viewer, func()) {
	r.s.store.mu.Lock()
	return viewer{s: r.s, base: baseURLFrom(ctx), now: r.s.now()}, r.s.store.mu.Unlock
}

func (r *resolver) Client(ctx context.Context) *clientView {
	v, unlock := r.view(ctx)
	defer unlock()
	return v.client()
}

func (r *resolver) GetFile(ctx context.Context, args struct{ FileID graphql.ID }) (*fileView, error) {
	v, unlock := r.view(ctx)
	defer unlock()
	f := r.s.store.files[string(args.FileID)]
	if f == nil {
		return nil, notFound()
	}
	return v.file(f, r.s.fileURLReady(f, v.now)), nil
}

func (r *resolver) GetTake(ctx context.Context, args struct{ TakeID graphql.ID }) (*takeView, error) {
	v, unlock := r.view(ctx)
	defer unlock()
	t := r.s.store.takes[string(args.TakeID)]
	if t == nil {
		return nil, notFound()
	}
	return v.take(t), nil
}

func (r *resolver) GetJob(ctx context.Context, args struct{ JobID graphql.ID }) (*jobView, error) {
	v, unlock := r.view(ctx)
	defer unlock()
	j := r.s.store.jobs[string(args.JobID)]
	if j == nil {
		return nil, notFound()
	}
	return v.job(j), nil
}

type pageArgs struct {
	First         *int32
	After         *awsJSON
	SortDirection *string
}

func (r *resolver) ListJobs(ctx context.Context, args struct {
	pageArgs
	TakeID *string
}) (*jobsPageView, error) {
	v, unlock := r.view(ctx)
	defer unlock()
	jobs := make([]*jobRec, 0, len(r.s.store.jobs))
	for _, j := range r.s.store.jobs {
		if args.TakeID == nil || j.takeID == *args.TakeID {
			jobs = append(jobs, j)
		}
	}
	page, err := paginate(jobs, args.pageArgs, func(j *jobRec) record { return record{j.id, j.created} })
	if err != nil {
		return nil, err
	}
	items := make([]*jobView, len(page.items))
	for i, j := range page.items {
		items[i] = v.job(j)
	}
	return &jobsPageView{After: page.after, First: &page.first, Items: &items}, nil
}

func (r *resolver) ListTakes(ctx context.Context, args pageArgs) (*takesPageView, error) {
	v, unlock := r.view(ctx)
	defer unlock()
	takes := make([]*takeRec, 0, len(r.s.store.takes))
	for _, t := range r.s.store.takes {
		takes = append(takes, t)
	}
	page, err := paginate(takes, args, func(t *takeRec) record { return record{t.id, t.created} })
	if err != nil {
		return nil, err
	}
	items := make([]*takeView, len(page.items))
	for i, t := range page.items {
		items[i] = v.take(t)
	}
	return &takesPageView{After: page.after, First: &page.first, Items: &items}, nil
}

// The fields below belong to multi-camera capture, rigs and volumes, which
// the simulator does not model: they answer a clear error instead.

func (r *resolver) GetVolume(struct{ ID graphql.ID }) (*volumeView, error) {
	return nil, unsupported("getVolume")
}

func (r *resolver) ListCameraSettings() (*cameraSettingsPageView, error) {
	return nil, unsupported("listCameraSettings")
}

func (r *resolver) ListRigs() (*rigsPageView, error) { return nil, unsupported("listRigs") }

func (r *resolver) ListVolumes(pageArgs) (*volumePageView, error) {
	return nil, unsupported("listVolumes")
}
