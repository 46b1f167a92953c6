import CardDomain
import CardStore
import CardWizards

extension AppModel {
    /// While the journal's server is away, a completed step is kept on this site's disk and
    /// the clerk goes on filling the form; only the submission waits for the server. The
    /// first time, a notice says so.
    mutating func keepUnsaved(_ flow: ApplicantFlow, by actor: Actor, now: Int64) -> Bool {
        let draft = UnsavedDrafts.Draft(personNumber: flow.person.documentNumber, step: flow.currentStep.id, form: flow.form,
                                        channel: environment.options.channel, actor: actor, keptAt: now)
        do {
            try UnsavedDrafts(data: environment.repository.data).keep(draft)
        } catch {
            overlay = message("草稿未保存", "与办卡服务器的连接中断，本机也无法保存草稿（\(error)）。已填写的内容仍在屏幕上，"
                              + "请不要离开本页，并联系管理员。", tone: .error)
            return false
        }
        unsavedDraftsRecordedFor = nil
        if !serverAway {
            overlay = message("服务器连接中断", "与办卡服务器的连接中断。这一步填写的内容已保存在本机，服务器恢复后自动保存到服务器，"
                              + "不会重复记录。可以继续填写；提交要等屏幕上方「\(Self.serverAwayMark)」的提示消失。", button: "继续")
        }
        serverAway = true
        return true
    }

    /// Records the drafts this user left on this site's disk while the server was away, once
    /// it answers: each claimed so that no other process records it too, skipped when the
    /// journal already holds it (a process that died after recording it), and set aside
    /// when the journal refuses it (the application was submitted meanwhile).
    mutating func recordUnsavedDrafts(now: Int64) {
        guard let user = session?.actor.username else { return }
        let store = UnsavedDrafts(data: environment.repository.data)
        store.reclaimAbandoned()
        for file in store.waiting(for: user) {
            guard let (claimed, draft) = store.claim(file) else { continue }
            if let recorded = environment.repository.state.draft(of: draft.personNumber),
               recorded.step == draft.step, recorded.form == draft.form {
                store.remove(claimed)
                continue
            }
            do {
                try environment.repository.execute(.saveDraft(personNumber: draft.personNumber, step: draft.step, form: draft.form),
                                                   by: draft.actor,
                                                   context: SessionClock.context(now: now, terminal: environment.terminal, channel: draft.channel))
                store.remove(claimed)
                draftSavedAt = now
            } catch is CommandRefusal {
                store.setAside(claimed)
            } catch {
                store.release(claimed, as: file)
                if CardRepository.isServerAway(error) { serverAway = true }
                return
            }
        }
        unsavedDraftsRecordedFor = user
    }
}
