package world

// EachTrainingJob calls fn with every training job's summary and tags, in
// creation order, until fn returns false. It is SageMaker Search's scan: it
// looks at every job of a 100,000-job account without describing each one.
// fn runs under the world's read lock and must not call the world.
func (w *World) EachTrainingJob(fn func(s TrainingJobSummary, tags []Tag) bool) {
	now := w.rlock()
	defer w.mu.RUnlock()
	nowMs := ms(now)
	for _, j := range w.training.byCreation {
		if !fn(j.summary(w, nowMs), j.jobTags()) {
			return
		}
	}
}
