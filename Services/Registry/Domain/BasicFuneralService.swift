import Contracts

/// The four basic funeral services provided free to eligible people (惠民殡葬).
///
/// Source: 《景泰县"十四五"民政事业发展规划》第三章（五）7「健全完善殡葬公共服务体系」: "为符合条件的困难群众
/// 死亡后实行火化免费提供遗体接运、遗体暂存、遗体火化、骨灰存放等基本殡葬服务". Declaration order is the order
/// of the plan's list and of a grant's items.
public enum BasicFuneralService: String, Sendable, Hashable, CaseIterable, Comparable {
    /// 遗体接运.
    case transport
    /// 遗体暂存 (存放).
    case storage
    /// 遗体火化.
    case cremation
    /// 骨灰存放 (寄存).
    case ashStorage

    /// Position in the plan's list.
    var rank: Int {
        switch self {
        case .transport: 0
        case .storage: 1
        case .cremation: 2
        case .ashStorage: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
