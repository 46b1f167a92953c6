extension Form {
    /// Sets a field from text, as the accessible mode's prompts answer it: typed text for
    /// text and date fields, "true"/"false" for a checkbox, an option id for a choice.
    /// Returns false when the value does not fit the field (an unknown option).
    @discardableResult
    public mutating func setValue(_ value: String, for id: String) -> Bool {
        guard let index = index(of: id) else { return false }
        switch fields[index].control {
        case .text(var field, let width):
            field.setText(value)
            fields[index].control = .text(field, width: width)
        case .date:
            fields[index].control = .date(DateField(value))
        case .checkbox(var box):
            box.isChecked = value == "true"
            fields[index].control = .checkbox(box)
        case .radio(var group):
            guard let option = group.options.firstIndex(where: { $0.id == value }) else { return false }
            group.selected = option
            fields[index].control = .radio(group)
        case .select(let list, _, let width):
            guard list.options.contains(where: { $0.id == value }) else { return false }
            fields[index].control = .select(list, chosen: value, width: width)
        case .table(var table):
            guard let row = table.rowIDs.firstIndex(of: value) else { return false }
            table.moveCursor(to: row)
            fields[index].control = .table(table)
        case .readOnly, .button, .note:
            return false
        }
        return true
    }
}
