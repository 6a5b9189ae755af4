"""The clause grammar's rules, one row each: a small phrasebook of its own (loaded after the built-in files, so
its lines win), a clause, and the English it must give (None: withheld, never a gloss)."""

from __future__ import annotations

import pytest

from summarize.english import render_clause
from summarize.english.grammar import _tidy, gerund
from summarize.english.morphology import comparative
from summarize.english.phrasebook import load_phrasebook

# (what the row shows, phrasebook lines "zh|en|type[|note]" joined by ";", clause, expected English)
CASES = [
    ("adjective before 的 modifies the noun", "强力|powerful|np;措施|measures|np;项目|projects|np;"
     "以{X:np}推进{Y:np}|advance {Y} with {X}|frame|vp", "以强力的措施推进项目", "advance projects with powerful measures"),
    ("adjective is no compound head", "高|high|np;埠|efficient|np;推进|advance|v", "推进高埠", None),
    ("adjective is no object", "原|efficient|np;推进|advance|v", "推进原", None),
    ("adjective before a bare verb is its manner", "深切|deep|np;深切|deeply|adv;悼念|mourn|v;悼念|mourn|vp",
     "深切悼念", "deeply mourn"),
    ("one-character adjective heads nothing", "高|high|np;埠|former|np;推进|advance|v", "推进高埠", None),
    ("transitive verb alone drops its preposition", "坚持|adhere to|v;长期|over the long term|adv|after",
     "要长期坚持", "adhere over the long term"),
    ("adverb filed as np is an adverb", "圆满|successfully|np;完成|complete|v;任务|tasks|np",
     "圆满完成任务", "successfully complete tasks"),
    ("determiner agrees with a plural", "推进|advance|v;项目|projects|np", "推进这两个项目", "advance these two projects"),
    ("determiner with a singular", "推进|advance|v;任务|task|np", "推进这个任务", "advance this task"),
    ("auxiliary verb phrase before 的 is a passive, never -ing", "推进|advance|v;复制|replicate|v;经验|experience|np",
     "推进可复制的经验", "advance the experience that can be replicated"),
    ("meeting as subject reports in the past", "会议|the meeting|np;听取|hear|v;工作报告|the work report|np",
     "会议听取了工作报告", "the meeting heard the work report"),
    ("whose it is", "关心|care for|v;群众|the people|np;疾苦|sufferings|np", "关心群众疾苦",
     "care for the sufferings of the people"),
    ("deadline is an adverb", "完成|complete|v;完成|complete|vp", "在6月底前完成", "complete by the end of June"),
    ("transitive verb before 的 is a participle", "解决|solve|v;遇到|encounter|v;问题|problems|np",
     "解决遇到的问题", "solve the problems encountered"),
    ("participle with a 中-phrase", "解决|solve|v;遇到|encounter|v;问题|problems|np;"
     "项目建设|project construction|np", "解决项目建设中遇到的问题",
     "solve the problems encountered in project construction"),
    ("subject and transitive verb before 的", "落实|implement|v;干部|officials|np;盯住|watch|v;指标|indicators|np",
     "落实干部盯住的指标", "implement the indicators that officials watch"),
    ("head noun that takes of", "认识|understand|v;项目建设|project construction|np;重要性|importance|np",
     "认识项目建设重要性", "understand the importance of project construction"),
    ("pivot verb before clause verb", "推动|promote|v;企业|enterprises|np;转型|transform|vp",
     "推动企业转型", "push enterprises to transform"),
    ("a clause before 的 agrees", "坚定|strengthen|v;埠头|the wharf|np;扩容|expand|vp;信念|the belief|np",
     "坚定埠头扩容的信念", "strengthen the belief that the wharf expands"),
    ("participle entry before 的", "签约|signed|np;项目|projects|np;抓好|do a good job of|v", "抓好签约的项目",
     "do a good job of signed projects"),
    ("a state one ensures", "群众|the people|np;满意|satisfied|np", "确保群众满意", "ensure the people are satisfied"),
    ("a state one does not advance", "群众|the people|np;满意|satisfied|np;推进|advance|v", "推进群众满意", None),
    ("more than N, and the future", "开工项目|projects starting construction|np;达到|reach|v", "开工项目将达到23个以上",
     "projects starting construction will reach more than 23"),
    ("plan to, count after the noun", "推进|advance|v;重点项目|key projects|np;计划|plan to|adv",
     "计划推进重点项目32个以上", "plan to advance more than 32 key projects"),
    ("noun + 化 is a way of working", "清单|list|np;管理|manage|v;各项任务|all tasks|np", "清单化管理各项任务",
     "manage all tasks on a list basis"),
    ("确保 takes a clause", "所有项目|all projects|np;如期|on schedule|adv|after;完工|be completed|vp",
     "确保所有项目如期完工", "ensure all projects are completed on schedule"),
    ("second subject as a causative", "压实责任|tighten responsibilities|vp;商务局|commerce bureau|np;"
     "统筹推进|advance in a coordinated way|vp", "压实责任,商务局要统筹推进",
     "tighten responsibilities and have the commerce bureau advance in a coordinated way"),
    ("all before the whole compound", "落实|implement|v;安全生产|workplace safety|np;各项措施|all measures|np",
     "落实安全生产各项措施", "implement all workplace safety measures"),
    ("quantifier with its noun", "谋划|plan|v;一批|a number of|np;重大项目|major projects|np", "谋划一批重大项目",
     "plan a number of major projects"),
    ("quantifier alone is no object", "谋划|plan|v;一批|a number of|np", "谋划一批", None),
    ("comparative", "营造|create|v;优|good|np;环境|environment|np", "营造更优环境", "create better environment"),
    ("frame verb agrees with a plural slot", "确保{X:np}年内开工|ensure {X} starts construction within the year|frame|vp;"
     "重大项目|major projects|np", "确保重大项目年内开工", "ensure major projects start construction within the year"),
    ("frame verb with a singular slot", "确保{X:np}年内开工|ensure {X} starts construction within the year|frame|vp;"
     "龙头企业|leading enterprise|np", "确保龙头企业年内开工", "ensure leading enterprise starts construction within the year"),
    ("verb before a purpose head takes its object first", "完善|improve|v;推进|advance|v;机制|mechanisms|np;"
     "招商引资|investment promotion|np;园区建设|park construction|np", "完善招商引资和园区建设推进机制",
     "improve mechanisms for advancing investment promotion and park construction"),
    ("a verb before 'battle' takes its object first", "打好|win|v;招引|attract|v;建设|build|v;攻坚战|tough battle|np;"
     "重大项目|major projects|np", "打好重大项目招引和建设攻坚战",
     "win the tough battle of attracting and building major projects"),
    ("a postposed negated verb is the manner", "抓住|seize|v;工业经济|the industrial economy|np", "抓住工业经济不放松",
     "seize the industrial economy without letup"),
    ("quoted names side by side are a list", "紧盯|keep a close eye on|v;时间表|timetable|np;路线图|road map|np;"
     "任务书|task list|np", "紧盯“时间表”“路线图”“任务书”", 'keep a close eye on "timetable", "road map" and "task list"'),
    ("a difficulty suffix", "解决|solve|v;用地|land|np;问题|problems|np", "解决用地难问题",
     "solve the problem of difficulty with land"),
    ("a bracketed status modifies the document", "讨论|discuss|v;会议日程|meeting agenda|np", "讨论会议日程(草案)",
     "discuss draft meeting agenda"),
    ("an adjective of a noun word heads as the noun", "推动|push|v;经济|economic|np;实现|achieve|v;新突破|new breakthroughs|np",
     "推动经济实现新突破", "push the economy to achieve new breakthroughs"),
    ("a hyphenated comparative", "促进|promote|v;高质量|high-quality|np;发展|development|np", "促进更高质量发展",
     "promote higher-quality development"),
    ("can + verb before 的 is a passive ability", "形成|form|v;复制|replicate|v;推广|promote|v;模式|model|np",
     "形成可复制可推广的模式", "form the model that can be replicated and promoted"),
    ("a modal topic before a bare verb is its object", "重点项目|key projects|np;推进|advance|v", "重点项目要推进",
     "advance key projects"),
    ("a verb of stopping takes the next verb as its object", "禁止|prohibit|v;克扣|withhold|v;工资|wages|np",
     "禁止克扣工资", "prohibit withholding wages"),
    ("the adjective of a noun word heads a compound as the noun", "繁荣|bring prosperity to|v;农村|rural|np;经济|economic|np",
     "繁荣农村经济", "bring prosperity to rural economy"),
    ("a four-character formula before a noun is what it is about", "加大|step up|v;脱贫攻坚|fight poverty|vp;工作|work|np",
     "加大脱贫攻坚工作", "step up the work of fighting poverty"),
    ("a word's modifier sense before a noun", "建设|build|v;智慧|wisdom|np;平台|platforms|np", "建设智慧平台",
     "build smart platforms"),
    ("a run of administrative units is a list", "加强|strengthen|v;联动|coordination|np", "加强省市县联动",
     "strengthen province, city and county coordination"),
    ("a verb modifies a concrete head in -ing where a noun is needed", "招引|attract|v;家居|home furnishing|np;"
     "制造|manufacture|v;企业|enterprises|np;高端|high-end|np", "招引高端家居制造企业",
     "attract high-end home furnishing manufacturing enterprises"),
    ("a verb never takes its own noun as object", "谋划|plan|v;规划|planning|np;规划|plan|v", "谋划规划", "plan"),
    ("verbs sharing no object drop their prepositions", "重视|attach importance to|v;统筹|coordinate|v",
     "重视、统筹", "attach importance and coordinate"),
    ("already + transitive verb before a noun is a passive participle", "核实|verify|v;掌握|grasp|v;项目|projects|np;"
     "信息|information|np", "核实已掌握项目的信息", "verify the information of projects already grasped"),
    ("already + verb phrase before a noun is a perfect relative", "盯紧|keep a close eye on|v;开工|start construction|vp;"
     "项目|projects|np", "盯紧已开工项目", "keep a close eye on the projects that have already started construction"),
    ("a clause object's verbs agree with a singular subject", "确保|ensure|v;规划|the plan|np;开局|get off to a good start|vp;"
     "起步|make a good start|vp", "确保规划开局、起步", "ensure the plan gets off to a good start and makes a good start"),
    ("two verbs of one English say it once", "完善|improve|v;督促|supervise|v;督办|supervise|v;机制|mechanisms|np;"
     "项目进度|project progress|np", "完善项目进度督促督办机制", "improve mechanisms for supervising project progress"),
    ("counted singular noun takes its plural", "实施|implement|v;工程|project|np", "实施五大工程",
     "implement five major projects"),
    ("pivot after a list of verbs", "安排|arrange|v;督促|urge|v;部门|departments|np;解决|solve|v;问题|problems|np",
     "安排督促部门解决问题", "arrange and urge departments to solve problems"),
    ("help takes a bare verb", "帮助|help|v;解决|solve|v;困难|difficulties|np", "帮助解决困难", "help solve difficulties"),
    ("serial verbs only after a one-entry formula 1", "全力以赴|go all out|vp;抓|focus on|v;项目|projects|np",
     "全力以赴抓项目", "go all out to focus on projects"),
    ("serial verbs only after a one-entry formula 2", "完善|improve|v;机制|mechanisms|np;督办|supervise|v;"
     "重点园区|key parks|np", "完善机制督办重点园区", None),
    ("two four-character verb phrases are parallel", "完善|improve|v;机制|mechanisms|np;督办|supervise|v;园区|parks|np",
     "完善机制督办园区", "improve mechanisms and supervise parks"),
    ("two adjectives after a noun are its predicate", "确保|ensure|v;项目推进|project progress|np;高效|efficient|np;"
     "有序|orderly|np", "确保项目推进高效有序", "ensure project progress is efficient and orderly"),
    ("an amount before a noun is what it is worth", "引进|bring in|v;项目|projects|np", "引进10亿元以上项目",
     "bring in projects worth more than 1 billion yuan"),
    ("a support verb takes a verb as its noun", "加强|strengthen|v;培训|training|np;培训|train|v", "加强培训",
     "strengthen training"),
    ("other verbs pair with a verb", "分析|analyze|v;研究|research|np;研究|study|v", "分析研究", "analyze and study"),
    # Rules from earlier rounds, each on a sentence written for the test.
    ('de reorders and lists join', '增强|enhance|v;群众|the people|np;获得感|sense of gain|np;幸福感|sense of happiness|np',
     '增强群众的获得感和幸福感', 'enhance the sense of gain and happiness of the people'),
    ('frame slots must render whole 1', '确保{X:np}按期完成|ensure {X} is completed on schedule|frame;重点项目|key projects|np',
     '确保重点项目按期完成', 'ensure key projects are completed on schedule'),
    ('frame slots must render whole 2', '确保{X:np}按期完成|ensure {X} is completed on schedule|frame;重点项目|key projects|np',
     '确保鑫淼按期完成', None),
    ('manner adverb goes after the object', '统筹|in a coordinated way|adv;推进|advance|v;基础设施|infrastructure|np',
     '统筹推进基础设施', 'advance infrastructure in a coordinated way'),
    ('frame verb agrees with its subject 1', '确保{X:np}按期完成|ensure {X} is completed on schedule|frame;工程|the project|np;任务|tasks|np',
     '确保工程按期完成', 'ensure the project is completed on schedule'),
    ('frame verb agrees with its subject 2', '确保{X:np}按期完成|ensure {X} is completed on schedule|frame;工程|the project|np;任务|tasks|np',
     '确保任务按期完成', 'ensure tasks are completed on schedule'),
    ('adverb noted after goes after the verb phrase 1', '审视|review|v;工作|work|np;再度|again|adv|after;认真|carefully|adv',
     '再度审视工作', 'review work again'),
    ('adverb noted after goes after the verb phrase 2', '审视|review|v;工作|work|np;再度|again|adv|after;认真|carefully|adv',
     '认真审视工作', 'carefully review work'),
    ('preposition to takes a gerund', '坚持|adhere to|adv;招商|attract investment|vp',
     '坚持招商', 'adhere to attracting investment'),
    ('count noun object takes an article 1', '建立|establish|v;长效机制|long-term mechanism|np;规章|rules|np',
     '建立长效机制', 'establish a long-term mechanism'),
    ('count noun object takes an article 2', '建立|establish|v;长效机制|long-term mechanism|np;规章|rules|np',
     '建立规章', 'establish rules'),
    ('nouns sharing a morpheme coordinate and plural modifiers are singular 1', '化解|resolve|v;热点|hot-button issues|np;难点|difficulties|np;项目|projects|np;台账|ledgers|np',
     '化解热点难点', 'resolve hot-button issues and difficulties'),
    ('nouns sharing a morpheme coordinate and plural modifiers are singular 2', '化解|resolve|v;热点|hot-button issues|np;难点|difficulties|np;项目|projects|np;台账|ledgers|np',
     '化解项目台账', 'resolve project ledgers'),
    ('adverbial frame alone is a clause 1', '以{X:np}为抓手|with {X} as the lever|frame|adv;项目|projects|np;发展|develop|vp',
     '以项目为抓手', 'take projects as the lever'),
    ('adverbial frame alone is a clause 2', '以{X:np}为抓手|with {X} as the lever|frame|adv;项目|projects|np;发展|develop|vp',
     '以项目为抓手，发展', 'develop with projects as the lever'),
    ('negation and auxiliaries stand before the verb 1', '放松|relax|v;安全生产|workplace safety|np;审批|approve|v;新项目|new projects|np',
     '决不放松安全生产', 'never relax workplace safety'),
    ('negation and auxiliaries stand before the verb 2', '放松|relax|v;安全生产|workplace safety|np;审批|approve|v;新项目|new projects|np',
     '不再审批新项目', 'no longer approve new projects'),
    ('negation and auxiliaries stand before the verb 3', '放松|relax|v;安全生产|workplace safety|np;审批|approve|v;新项目|new projects|np',
     '不放松安全生产', 'not relax workplace safety'),
    ('verbs joined by a conjunction share the object 1', "研究|study|v;解决|solve|v;群众诉求|the public's demands|np",
     '研究和解决群众诉求', "study and solve the public's demands"),
    ('verbs joined by a conjunction share the object 2', "研究|study|v;解决|solve|v;群众诉求|the public's demands|np",
     '研究、解决群众诉求', "study and solve the public's demands"),
    ('pivot verb object does the second action', '引导|guide|v;企业|enterprises|np;加大投入|increase investment|vp',
     '引导企业加大投入', 'guide enterprises to increase investment'),
    ('paired verbs sharing a morpheme coordinate', '谋划|plan|vp;部署|arrange|vp;早|early|adv|after',
     '早谋划早部署', 'plan early and arrange early'),
    ('purpose connective links two verb phrases', '创新方式|innovate methods|vp;提高效率|raise efficiency|vp',
     '创新方式以提高效率', 'innovate methods to raise efficiency'),
    ('post verbal coverb phrase follows the verb', '下沉|send down|v;力量|personnel|np;基层|the grassroots|np',
     '下沉力量到基层', 'send down personnel to the grassroots'),
    ('enumeration markers open a list item 1', '清理|clear|v;拖欠款项|overdue payments|np',
     '一是清理拖欠款项', 'clear overdue payments'),
    ('enumeration markers open a list item 2', '清理|clear|v;拖欠款项|overdue payments|np',
     '第一，清理拖欠款项', 'clear overdue payments'),
    ('enumeration markers open a list item 3', '清理|clear|v;拖欠款项|overdue payments|np',
     '首先清理拖欠款项', 'clear overdue payments'),
    ('coverb before a verb phrase takes the gerund', '推动转型|drive transformation|vp;提供|provide|v;支撑|support|np',
     '为推动转型提供支撑', 'provide support for driving transformation'),
    ('month end is a deadline adverbial', '完成|complete|v;征迁工作|relocation work|np',
     '3月底前完成征迁工作', 'complete relocation work by the end of March'),
    ('a numbered session takes its owner inside the name', '讨论|discuss|v;日程|agenda|np',
     '讨论县十七届人大二次会议日程', "discuss the agenda of the 2nd session of the 17th County People's Congress"),
    ('unit words with a list mark are one modifier', '推进|advance|v;重点项目|key projects|np',
     '推进省、市重点项目', 'advance provincial and municipal key projects'),
    ('a plan stated about a place is reported', '推进|advance|v;重点项目|key projects|np',
     '宾县计划推进重点项目32个', 'Bin County plans to advance 32 key projects'),
    ('来 + place before a verb phrase is where it happens', '吸引|attract|v;客商|investors|np;投资|invest|vp',
     '吸引客商来陵县投资', 'attract investors to invest in Ling County'),
    ('a participle after a place phrase follows its noun', '解决|solve|v;困难|difficulties|np;存在|existing|np;'
     '过程|the process|np', '解决过程中存在的困难', 'solve the difficulties existing in the process'),
    ('a support verb before a verb with no noun reading drops out', '盯紧|keep a close eye on|v;督办|supervise|v;'
     '任务|tasks|np', '对任务进行盯紧、督办', 'keep a close eye on and supervise tasks'),
    ('what 对 introduces is the object of a bare verb', '督办|supervise|v;任务进展|task progress|np',
     '对任务进展督办', 'supervise task progress'),
    ('带动 is a pivot verb', '带动|drive|v;农户|farmers|np;提高收入|raise incomes|vp',
     '带动农户提高收入', 'drive farmers to raise incomes'),
    ('等 closes the whole list before it', '强化|strengthen|v;金融|finance|np;物流|logistics|np;仓储|warehousing|np;'
     '配套服务|supporting services|np', '强化金融、物流、仓储等配套服务',
     'strengthen supporting services such as finance, logistics and warehousing'),
    ('an action ending a list of nouns takes -ing', '创新|innovation|np;保障|guarantees|np;推动|promote|v;'
     '实效|tangible results|np;下功夫|make efforts|vp', '在创新、保障、推动实效上下功夫',
     'make efforts in innovation, guarantees and promoting tangible results'),
    ('以 + a verb phrase opening a segment is a purpose', '加强|strengthen|v;协调|coordination|np;形成|form|v;'
     '合力|synergy|np', '加强协调,以形成合力', 'strengthen coordination so as to form synergy'),
    ('a place before what belongs to it is its owner', '注入|inject|v;新动能|new momentum|np;发展|development|np',
     '为枞阳县发展注入新动能', "inject new momentum into Zongyang County's development"),
    ('a verb of prohibiting takes no place phrase after it', '严禁|strictly prohibit|v;严禁|strictly prohibit|vp;'
     '大雨|heavy rain|np;施工|construction|np', '严禁在大雨施工', None),
    ('an adverbial before the modal frames the verb phrase', '加强|strengthen|v;协调|coordination|np;'
     '项目建设|project construction|np', '在项目建设中要加强协调', 'strengthen coordination in project construction'),
    ('a support verb before verb + object takes the noun with of', '加快|speed up|v;培育|foster|v;培育|cultivation|np;'
     '新兴产业|emerging industries|np', '加快培育新兴产业', 'speed up the cultivation of emerging industries'),
    ('a head noun after a verb noun stays a compound', '加强|strengthen|v;管理|manage|v;管理|management|np;'
     '制度|systems|np', '加强管理制度', 'strengthen management systems'),
    ('a verb noun before a non-head noun is the verb and its object', '谋划|plan|v;论证|evaluate|v;'
     '论证|evaluation|np;项目|projects|np', '谋划论证项目', 'plan and evaluate projects'),
    ('nothing before a list closed by 等 modifies the list', '组织好|organize|v;专题|special|np;推介|promotion|np;'
     '洽谈会|business fair|np;活动|activities|np', '组织好洽谈会、专题推介等活动',
     'organize activities such as business fair and special promotion'),
    ('a modal before an adverbial alone frames the next verb phrase', '举全县之力|with the strength of the county|adv;'
     '加快|speed up|v;项目建设|project construction|np', '要举全县之力,加快项目建设',
     'speed up project construction with the strength of the county'),
    ('an adjective alone as an object is its quality noun', '取得|achieve|v;成功|successful|np',
     '取得成功', 'achieve success'),
    ('an adjective is never a subject as its quality noun', '完成|complete|v;圆整|successful|np;任务|tasks|np',
     '圆整完成任务', None),
    ('a manner word between 在 and 上 is its quality', '准精|precisely|adv;下功夫|make efforts|vp',
     '在准精上下功夫', 'make efforts in precision'),
    ('加快 + a clause naming who acts is a pivot', '企业|enterprises|np;复工复产|resume work and production|vp',
     '加快企业复工复产', 'get enterprises to resume work and production faster'),
    ('拟 + a verb before a noun is what is planned for it', '推进|advance|v;观摩|observe|v;项目|projects|np',
     '推进拟观摩项目', 'advance projects to be observed'),
    ('即 between two verb phrases: the second at once', '竣工|complete construction|vp;投产|go into production|vp',
     '竣工即投产', 'go into production immediately after completing construction'),
    ('a one-character verb and its postverbal coverb are two words; 到X上 is on X', '放|put|v;精力|energy|np;'
     '项目|projects|np', '把精力放到项目上', 'put energy on projects'),
    ('正在 + a verb before 的: the noun is being acted on', '推进|advance|v;建设|build|v;项目|projects|np',
     '推进正在建设的项目', 'advance the projects being built'),
    ('a meeting that did two things reports both in the past', '会议|the meeting|np;审议|deliberate on|v;'
     '通过|adopt|v;审议通过|deliberate on and adopt|v;方案|the plan|np', '会议审议通过了方案',
     'the meeting deliberated on and adopted the plan'),
    ('a manner word before an action noun is its adjective; a verb with its complement pairs with no verb',
     '落实|implement|v;精准|precisely|adv;防控|prevention and control|np;防控|prevent and control|v;'
     '策略|strategies|np', '落实好精准防控策略', 'implement precise prevention and control strategies'),
    ('分 + a unit is a manner, unit by unit', '推进|advance|v;项目|projects|np;分区|zoning|np',
     '分区分级推进项目', 'advance projects by zone and by level'),
    ('a unit-by-unit manner follows the noun it modifies', '落实|implement|v;政策|policies|np',
     '落实分类政策', 'implement policies by category'),
    ('a 中-phrase before a noun says where the noun is', '做好|do a good job of|v;项目建设|project construction|np;'
     '宣传工作|publicity work|np', '做好项目建设中宣传工作', 'do a good job of publicity in project construction'),
    ('an adjective heads no compound', '实现|achieve|v;十三五|the 13th Five-Year Plan|np;良好|good|np;'
     '开局|make a start|vp', '实现十三五良好开局', None),
    ('an adverb before a list of verb phrases before 的: every verb takes -ing', '共同|jointly|adv;抓|focus on|v;'
     '推|push|v;项目|projects|np;合力|synergy|np;形成|form|v', '形成共同抓项目、推项目的合力',
     'form the synergy of jointly focusing on projects and pushing projects'),
    ('who acts and what they do, before 的', '全县|the whole county|np;共同|jointly|adv;抓|focus on|v;'
     '项目|projects|np;合力|synergy|np;形成|form|v', '形成全县共同抓项目的合力',
     'form the synergy of the whole county jointly focusing on projects'),
    ('"the whole X" owns the noun after it, never modifies it', '全镇|the whole town|np;'
     '特色产业|distinctive industries|np;发展|develop|v;经济|economic|np;社会|social|np', '发展全镇特色产业', 'develop the distinctive industries of the whole town'),
    ('"the whole X" before adjectives owns their nouns', '全镇|the whole town|np;发展|develop|v;经济|economic|np;'
     '社会|social|np', '发展全镇经济社会', 'develop the economy and society of the whole town'),
    ('以 + a verb phrase opening a segment is no purpose of what follows it there', '形成|form|v;'
     '全县|the whole county|np;抓|focus on|v;项目|projects|np;共同|jointly|adv', '以形成全县共同抓项目', None),
    ('a body before a document title is its author', '县委|the county Party committee|np;学习|study|v;'
     '决定|decision|np', '学习县委《决定》', 'study the county Party committee\'s "decision"'),
    ('a noun phrase with "such as" modifies no noun after it', '学校|schools|np;医院|hospitals|np;'
     '民生|people\'s livelihood|np;重点项目|key projects|np;推进|advance|v', '推进学校、医院等民生重点项目',
     'advance key people\'s livelihood projects such as schools and hospitals'),
    ('a manner word and 化 is its adjective', '精准|precisely|adv;服务|services|np;提供|provide|v', '提供精准化服务',
     'provide precise services'),
    ('a list of adjectives before 的 modifies the noun', '高效|efficient|np;便捷|convenient|np;服务|services|np;'
     '提供|provide|v', '提供高效、便捷的服务', 'provide efficient and convenient services'),
    ('a clause naming who acts fills a frame\'s noun slot in -ing', '为{X:np}做出{Y:np}|make {Y} to {X}|frame;'
     '实现|achieve|v;目标|targets|np;贡献|contributions|np;各部门|all departments|np', '为各部门实现目标做出贡献',
     'make contributions to all departments achieving targets'),
    ('为 before a clause naming who acts: done for it', '啡|cheer|vp;各部门|all departments|np;'
     '实现|achieve|v;目标|targets|np', '为各部门实现目标啡', 'cheer for all departments achieving targets'),
    ('类 and 种 keep their English: types of, kinds of', '推进|advance|v;项目|projects|np', '推进三类项目',
     'advance three types of projects'),
    ('"types of" counts the nearest noun, never a compound after it', '优化|optimize|v;村庄|villages|np;'
     '布局|layout|np', '优化四类村庄布局', 'optimize the layout of four types of villages'),
    ('a unit of time before an action\'s noun says how often', '实行|apply|v;考核|assessment|np;考核|assess|v',
     '实行月考核', 'apply monthly assessment'),
    ('what 对 introduces after the last verb phrase is never hung on it', '加强|strengthen|v;考核|assessment|np;'
     '工作不力|poor performance|np;问责|accountability|np;严肃|serious|np', '加强考核，对工作不力的严肃问责', None),
    ('a list of bodies owns the head its last item owns', '贯彻|implement|v;省委|provincial Party committee|np;'
     '市委决策部署|decisions and plans of the municipal Party committee|np', '贯彻省委、市委决策部署',
     'implement the decisions and plans of the provincial Party committee and the municipal Party committee'),
    ('of two tilings with as many words, the longer first word', '提|raise|v;提高|raise|v;效率|efficiency|np;'
     '高效率|high efficiency|np', '提高效率', 'raise efficiency'),
    ('a frame never says its own noun twice', '加快推进{X:np}建设|speed up the construction of {X}|frame;'
     '项目开工|the start of project construction|np;加快推进|speed up|v', '加快推进项目开工建设',
     'speed up to start construction of projects'),
    ('a modifier the head already says is said once', '服务|serve|v;项目|projects|np;业主单位|project owners|np',
     '服务项目业主单位', 'serve project owners'),
    ('精神 after anything but what was said or decided is a spirit', '弘扬|carry forward|v;劳模|model workers|np;'
     '精神|guiding principles|np', '弘扬劳模精神', 'carry forward the model worker spirit'),
    ('"at all levels" closes a noun phrase: it owns the head after it', '落实|implement|v;'
     '官员|officials at all levels|np;职责|duties|np', '落实官员职责', 'implement the duties of officials at all levels'),
    ('a 中-phrase before 的 says where the noun is', '解决|solve|v;工作|work|np;问题|problems|np', '解决工作中的问题',
     'solve the problems in work'),
    ('a verb of stopping before a clause of something happening stops the thing', '杜绝|eliminate|v;'
     '漏洞|loopholes|np;产生|emerge|vp', '杜绝漏洞产生', 'eliminate loopholes'),
    ('can + a verb phrase before 的 is a relative clause', '培养|train|v;打硬仗|fight tough battles|vp;'
     '干部|officials|np', '培养能打硬仗的干部', 'train the officials that can fight tough battles'),
    ('a quantifier ending in "of" comes before its noun', '推进|advance|v;各类|all kinds of|np;项目|projects|np',
     '推进各类项目', 'advance all kinds of projects'),
    ('a quoted term with a noun reading is that noun', '落实|implement|v;两责|take both duties|vp;'
     '两责|dual duties|np', '落实“两责”', 'implement "dual duties"'),
    ('X就是Y before 的: the noun says it', '树立|establish|v;理念|concept|np;抓项目|focus on projects|vp;'
     '抓发展|focus on development|vp', '树立抓项目就是抓发展的理念',
     'establish the concept that focusing on projects means focusing on development'),
    ('a statement of what was done is no directive beside others', '谋划|plan|v;举措|measures|np;'
     '各项工作|all work|np;取得|achieve|v;成效|results|np', '谋划举措，各项工作取得成效', None),
    ('a deadline is no subject', '确保|ensure|v;年底前|by the end of the year|np;完工|be completed|vp',
     '确保年底前完工', 'make sure to be completed by the end of the year'),
    ('a determiner alone fills no frame slot', '推进{X:np}改革|advance the reform of {X}|frame;各项|all|np;'
     '改革|reform|np;推进|advance|v', '推进各项改革', 'advance all reform'),
    ('与X的 before a noun: the noun with X', '加强|strengthen|v;上级|higher authorities|np;沟通|communication|np',
     '加强与上级的沟通', 'strengthen the communication with higher authorities'),
    ('a word that may be an adjective fills a noun slot last', '{X:np}实施方案|implementation plan for {X}|frame|np;'
     '具体|specific|np;实施方案|implementation plan|np;啡|formulate|v', '啡具体实施方案',
     'formulate a specific implementation plan'),
    ('an adverb before "be" follows the verb be', '确保|ensure|v;资金|funds|np;到位|be in place|vp;'
     '及时|promptly|adv', '确保资金及时到位', 'ensure funds are promptly in place'),
    ('a modifier said again inside a later list item is no duplicate', '探索|explore|v;新|new|np;'
     '模式|models|np;新路径|new pathways|np', '探索新模式、新路径', 'explore new models and new pathways'),
    ('an action noun, and, a word, and: two nouns, no verb', '坚持|adhere to|v;抓|focus on|v;'
     '防控|prevention and control|np;发展|development|np', '坚持抓防控和发展',
     'adhere to focusing on prevention and control and development'),
    ('two adjectives in one entry before 的 modify the noun', '制定|formulate|v;切实可行|practical and feasible|np;'
     '措施|measures|np', '制定切实可行的措施', 'formulate practical and feasible measures'),
    ('a negated "be" follows the verb be', '确保|ensure|v;项目|projects|np;少于|be less than|v',
     '确保项目不少于50个', 'ensure projects are not less than 50'),
    ('起 after a verb is its complement', '担负|shoulder|v;责任|responsibilities|np', '担负起责任',
     'shoulder responsibilities'),
    ('four characters that read better as a noun are no first verb phrase of a pair', '新建|build|v;新建|new|np;'
     '新建项目|new projects|np;项目|projects|np;尽快开工|start construction as soon as possible|vp',
     '新建项目尽快开工', None),
    ('one verb\'s manner is never the other\'s too', '规划|plan|v;建设|build|v;高标准|to high standards|adv|after;'
     '高质量|with high quality|adv|after', '高标准规划、高质量建设', 'plan and build to high standards and with high quality'),
    ('a list is no topic fronted before a bare verb', '干线|trunk lines|np;支线|branch lines|np;管理|manage|v',
     '干线、支线管理', None),
    ('a list and its count: the N heads of the list', '抓好|do a good job of|v;规划|planning|np;建设|construction|np;'
     '管理|management|np;环节|links|np', '抓好规划、建设、管理三个环节',
     'do a good job of the three links of planning, construction and management'),
    ('a count before a noun counts it, never the noun before it; 工作 counted is tasks', '做好|do a good job of|v;'
     '宣传|publicity|np;服务|services|np;保障|support|np', '做好宣传、服务、保障三项工作',
     'do a good job of the three tasks of publicity, services and support'),
    ('a clause whose subject is what a verb of including takes is not read actively', '争取|seek|v;'
     '项目|projects|np;纳入|bring into|v;规划|plans|np', '争取项目纳入规划', None),
]


def _book(tmp_path, lines: str):
    path = tmp_path / "rows.tsv"
    path.write_text("".join("\t".join(line.split("|")) + "\n" for line in lines.split(";")), encoding="utf-8")
    return load_phrasebook([path])


@pytest.mark.parametrize(("lines", "zh", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_rule(tmp_path, lines, zh, expected):
    assert render_clause(zh, _book(tmp_path, lines)) == expected


def test_a_character_inside_a_word_is_never_read_alone(tmp_path):
    # The gibberish: 致富 read as 致 "cause" + 富 "rich". A character stands alone only where a tiling of
    # the segment with the fewest words leaves it alone (高|效益 as well as 高效|益).
    book = _book(tmp_path, "致|cause|v;富|rich|np;致富|become rich|vp;渠道|channels|np;拓宽|broaden|v;高|high|np;"
                           "高效|efficient|np;效益|returns|np;投资|investment|np;推动|promote|v")
    en = render_clause("拓宽致富渠道", book)
    assert en is None or "cause" not in en
    en = render_clause("推动高效益投资", book)
    assert en is not None and en.startswith("promote high return") and en.endswith("investment")


def test_an_adverb_opening_a_verb_entry_is_no_verb(tmp_path):
    book = _book(tmp_path, "积极推进|actively promote|vp;积极|actively|adv;发展|develop|v;发展|development|np")
    assert render_clause("积极发展", book) in ("actively develop", "develop actively")


def test_a_time_unit_said_twice_means_every(tmp_path):
    book = _book(tmp_path, "推进|advance|v;项目|projects|np")
    assert render_clause("周周推进项目", book) in ("advance projects every week", "every week advance projects")


def test_a_verb_phrase_fills_an_enclosed_noun_slot_as_a_gerund(tmp_path):
    book = _book(tmp_path, "把{X:np}作为{Y:np}|treat {X} as {Y}|frame|vp;促进|promote|v;"
                           "农民增收|farmers' income growth|np;中心任务|the central task|np")
    en = render_clause("把促进农民增收作为中心任务", book)  # the built-in phrasebook may know 促进农民增收
    assert en is not None and en.startswith("treat ") and en.split()[1].endswith("ing")
    assert en.endswith(" as the central task")


def test_forms():
    assert gerund("not be interrupted") == "not being interrupted"
    assert gerund("traffic drugs") == "trafficking drugs"
    assert gerund("already grasp projects") == "already grasping projects"
    assert [comparative(w) for w in ("high", "good", "efficient", "easy")] == \
        ["higher", "better", "more efficient", "easier"]
    assert _tidy("with no no-go zones") == "with no no-go zones"  # not a repeat: the meaning would flip
    assert _tidy("advance advance projects") == "advance projects"
    assert _tidy("fully give full play to their role") == "give full play to their role"  # 充分发挥
    assert _tidy("deeply study the plan") == "deeply study the plan"
    assert gerund("organize and implement plans") == "organizing and implementing plans"  # one entry, two verbs


def test_the_ing_form_keeps_a_clause_objects_verbs(tmp_path):
    from summarize.english.grammar import parse_clause

    book = _book(tmp_path, "提速|speed up|v;进度|progress|np;项目|projects|np;签约|sign|vp;开工|start construction|vp")
    clause = parse_clause("提速进度,确保项目签约、开工", book)
    assert clause is not None and clause.text == "speed up progress and ensure projects sign and start construction"
    assert clause.gerund_text == "speeding up progress and ensuring projects sign and start construction"
