// A document as the roll-up reads it.

extension RollUp {
    /// A plan, goal or activity document as the roll-up reads it: its typed model, or why
    /// the model cannot be read from it.
    final class Item: Sendable {
        enum Content: Sendable {
            case plan(Plan)
            case goal(Goal)
            case activity(Activity)
            case unusable(String)
        }

        let path: String
        /// The plan the item belongs to (`county/year`).
        let plan: ItemReference
        let content: Content
        /// The goal's or activity's id, which orders them in a plan; empty for the rest.
        let id: String

        init(path: String, plan: ItemReference, content: Content) {
            self.path = path
            self.plan = plan
            self.content = content
            switch content {
            case .goal(let goal): id = goal.id
            case .activity(let activity): id = activity.id
            case .plan, .unusable: id = ""
            }
        }

        /// The item with only what figures read (status, dates, money, area, priority,
        /// funding, goals and their indicators): what ``IncrementalRollUp`` keeps of every
        /// document of a workspace, so its memory follows the figures. Texts for people
        /// (titles, bodies, tasks, follow-ups, objectives, steering group) are emptied.
        var forFigures: Item {
            switch content {
            case .plan(var plan):
                plan.title = ""
                plan.body = ""
                plan.objectives = []
                plan.steeringGroup = []
                return Item(path: path, plan: self.plan, content: .plan(plan))
            case .goal(var goal):
                goal.title = ""
                goal.body = ""
                return Item(path: path, plan: plan, content: .goal(goal))
            case .activity(var activity):
                activity.title = ""
                activity.body = ""
                activity.tasks = []
                activity.followups = []
                activity.partners = []
                activity.owner = nil
                activity.cancelledReason = nil
                return Item(path: path, plan: plan, content: .activity(activity))
            case .unusable:
                return self
            }
        }

        /// The item a document holds; nil for counties, settings and documents without a place.
        convenience init?(document: Document) {
            guard let reference = document.reference, let plan = reference.plan else { return nil }
            let content: Content
            do {
                switch document.kind {
                case .plan: content = .plan(try Plan(document: document))
                case .goal: content = .goal(try Goal(document: document))
                case .activity: content = .activity(try Activity(document: document))
                // A follow-up has no figures: the report reads it from the workspace.
                case .county, .workspace, .followup: return nil
                }
            } catch {
                content = .unusable(error.message)
            }
            self.init(path: document.path, plan: plan, content: content)
        }
    }
}
